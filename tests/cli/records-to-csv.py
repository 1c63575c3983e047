#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# records-to-csv.py RECORDS DIR: write a records.json as the check-in exports that
# "rota import --records" reads (attendance.csv and findings.csv, Chinese headers,
# Chinese status and source words, dates and times as Excel writes them), independently
# of rota, so that importing them must give the same records back.
import csv
import datetime
import json
import sys

STATUS = {"done": "完成", "late": "迟到", "absent": "缺勤", "excused": "请假",
          "substituted": "替班"}
SOURCE = {"inspection": "巡查", "hotline": "12345", "photo": "随手拍", "other": "其他"}


def excel_date(iso):
    d = datetime.date.fromisoformat(iso)
    return f"{d.year}/{d.month}/{d.day}"


def excel_time(rfc3339):
    if rfc3339 is None:
        return ""
    t = datetime.datetime.fromisoformat(rfc3339)
    if t.utcoffset() != datetime.timedelta(hours=8):
        return rfc3339  # not the county's zone: keep it as written
    return f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}"


def main():
    records = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.argv[2]
    with open(f"{out}/attendance.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["日期", "班次", "路段", "人员", "状态", "分钟", "替班人", "记录人",
                    "计划外", "备注"])
        for a in records["attendance"]:
            w.writerow([excel_date(a["date"]), a["shift"], a["segment"], a["person"],
                        STATUS[a["status"]], a.get("minutes", ""),
                        a.get("substitute", ""), a.get("by", ""),
                        "是" if a.get("unscheduled") else "", a.get("note", "")])
    with open(f"{out}/findings.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["编号", "路段", "发现时间", "类别", "来源", "问题描述", "办结时限",
                    "销号时间", "销号人"])
        for x in records["findings"]:
            w.writerow([x["id"], x["segment"], excel_time(x["found"]), x["category"],
                        SOURCE[x["source"]], x["text"], excel_time(x.get("deadline")),
                        excel_time(x.get("closed")), x.get("closed_by", "")])


main()
