/* SPDX-License-Identifier: MIT */
/* county-names.c: the fixed tables (names, streets, calendar) of the county generator. */
#include "county-names.h"

#include <glib.h>

/* The tables are laid out by hand, several names a line. */
/* clang-format off */

/* Party and government offices first, then public services, schools,
 * hospitals, state firms and banks, as a county's campaign list reads. */
const char *const county_unit_names[] = {
    /* party, congress and government offices */
    "县委办公室", "县政府办公室", "县人大常委会办公室", "县政协办公室",
    "县纪委监委", "县委组织部", "县委宣传部", "县委统战部", "县委政法委",
    "县委机构编制委员会办公室", "县委党校",
    /* government bureaus */
    "县发展和改革局", "县教育和体育局", "县科学技术局", "县工业和信息化局",
    "县公安局", "县民政局", "县司法局", "县财政局", "县人力资源和社会保障局",
    "县自然资源和规划局", "县生态环境分局", "县住房和城乡建设局", "县交通运输局",
    "县水利局", "县农业农村局", "县商务局", "县文化和旅游局", "县卫生健康局",
    "县退役军人事务局", "县应急管理局", "县审计局", "县市场监督管理局", "县统计局",
    "县医疗保障局", "县信访局", "县行政审批服务局", "县综合行政执法局", "县林业局",
    "县机关事务服务中心", "县粮食和物资储备中心",
    /* courts, vertical agencies */
    "县人民法院", "县人民检察院", "县税务局", "县气象局", "县消防救援大队",
    "县烟草专卖局", "县公安局交通警察大队",
    /* mass organisations */
    "县总工会", "共青团县委", "县妇女联合会", "县科学技术协会", "县残疾人联合会",
    "县工商业联合会", "县文学艺术界联合会", "县红十字会", "县供销合作社联合社",
    /* public service centres */
    "县融媒体中心", "县档案馆", "县图书馆", "县文化馆", "县住房公积金管理中心",
    "县公共资源交易中心", "县不动产登记中心", "县疾病预防控制中心",
    "县园林绿化服务中心", "县环境卫生服务中心", "县经济开发区管理委员会",
    "城关街道办事处", "东城街道办事处", "西城街道办事处",
    /* hospitals */
    "县人民医院", "县中医医院", "县妇幼保健院", "县第二人民医院",
    /* schools */
    "县第一中学", "县第二中学", "县实验中学", "县职业教育中心", "县实验小学",
    "县城关第一小学", "县城关第二小学", "县特殊教育学校", "县机关幼儿园",
    /* state firms and utilities */
    "县自来水有限公司", "国网县供电公司", "县燃气有限公司", "县热力有限公司",
    "县城市建设投资集团", "县交通投资集团", "县公共交通有限公司", "中国邮政县分公司",
    "中国电信县分公司", "中国移动县分公司", "中国联通县分公司",
    /* banks and insurers */
    "中国工商银行县支行", "中国农业银行县支行", "中国银行县支行", "中国建设银行县支行",
    "县农村商业银行", "中国邮政储蓄银行县支行", "中国农业发展银行县支行",
    "中国人民财产保险县支公司",
};
const size_t county_n_unit_names = G_N_ELEMENTS(county_unit_names);

const char *const county_road_names[] = {
    "人民路", "建设路", "中山路", "文化路", "胜利路", "新华路", "光明路", "青年路",
};
const size_t county_n_road_names = G_N_ELEMENTS(county_road_names);

const char *const county_street_names[] = {
    "东风街", "解放街", "和平街", "团结街", "府前街",
    "育才街", "工农街", "兴隆街", "振兴街",
};
const size_t county_n_street_names = G_N_ELEMENTS(county_street_names);

const char *const county_compound_names[] = {
    "阳光花园小区", "幸福家园小区", "锦绣华庭小区", "金色家园小区", "滨河小区",
    "翠苑小区", "教师公寓小区", "御景华府小区", "东方花园小区",
};
const size_t county_n_compound_names = G_N_ELEMENTS(county_compound_names);

/* Weights roughly follow the surnames' shares of the population. */
const CountySurname county_surnames[] = {
    { "王", 72 }, { "李", 71 }, { "张", 68 }, { "刘", 54 }, { "陈", 46 },
    { "杨", 31 }, { "赵", 21 }, { "黄", 20 }, { "周", 19 }, { "吴", 19 },
    { "徐", 15 }, { "孙", 15 }, { "胡", 13 }, { "朱", 13 }, { "高", 12 },
    { "林", 11 }, { "何", 11 }, { "郭", 11 }, { "马", 11 }, { "罗", 9 },
    { "梁", 9 },  { "宋", 8 },  { "郑", 8 },  { "谢", 7 },  { "韩", 7 },
    { "唐", 7 },  { "冯", 7 },  { "于", 6 },  { "董", 6 },  { "萧", 5 },
    { "程", 5 },  { "曹", 5 },  { "袁", 5 },  { "邓", 5 },  { "许", 5 },
    { "傅", 4 },  { "沈", 4 },  { "曾", 4 },  { "彭", 4 },  { "吕", 4 },
    { "苏", 4 },  { "卢", 4 },  { "蒋", 4 },  { "蔡", 4 },  { "贾", 3 },
    { "丁", 3 },  { "魏", 3 },  { "薛", 3 },  { "叶", 3 },  { "阎", 3 },
    { "余", 3 },  { "潘", 3 },  { "杜", 3 },  { "戴", 3 },  { "夏", 3 },
    { "钟", 3 },  { "汪", 3 },  { "田", 3 },  { "任", 3 },  { "姜", 3 },
    { "范", 3 },  { "方", 3 },  { "石", 3 },  { "姚", 3 },  { "谭", 2 },
    { "廖", 2 },  { "邹", 2 },  { "熊", 2 },  { "金", 2 },  { "陆", 2 },
    { "郝", 2 },  { "孔", 2 },  { "白", 2 },  { "崔", 2 },  { "康", 2 },
    { "毛", 2 },  { "邱", 2 },  { "秦", 2 },  { "江", 2 },  { "史", 2 },
    { "顾", 2 },  { "侯", 2 },  { "邵", 2 },  { "孟", 2 },  { "龙", 2 },
    { "万", 2 },  { "段", 2 },  { "雷", 2 },  { "钱", 2 },  { "汤", 2 },
    { "尹", 1 },  { "黎", 1 },  { "易", 1 },  { "常", 1 },  { "武", 1 },
    { "乔", 1 },  { "贺", 1 },  { "赖", 1 },  { "龚", 1 },  { "文", 1 },
};
const size_t county_n_surnames = G_N_ELEMENTS(county_surnames);

const char *const county_given_male[] = {
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平",
    "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆",
    "帅", "旭", "宁", "龙", "林", "洋", "亮", "成", "峰", "建", "国", "志",
    "文", "海", "东", "晨", "阳", "博", "振", "兴", "德", "庆", "永", "春",
};
const size_t county_n_given_male = G_N_ELEMENTS(county_given_male);

const char *const county_given_female[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "桂", "英",
    "萍", "红", "颖", "琳", "雪", "慧", "婷", "倩", "洁", "莉", "蕾", "佳",
    "欣", "悦", "璐", "晶", "丹", "梅", "兰", "月", "秀", "凤", "琴", "云",
};
const size_t county_n_given_female = G_N_ELEMENTS(county_given_female);

/*
 * Source: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as
 * transcribed from the notice's table.  2027-01-01 (元旦) is
 * added by hand: it falls one day after the December horizon, and only
 * the 2027 notice, announced in late 2026, makes it official.
 */
const char *const county_holidays[] = {
    "2026-01-01", "2026-01-02", "2026-01-03",
    "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
    "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
    "2026-04-04", "2026-04-05", "2026-04-06",
    "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
    "2026-06-19", "2026-06-20", "2026-06-21",
    "2026-09-25", "2026-09-26", "2026-09-27",
    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
    "2026-10-05", "2026-10-06", "2026-10-07",
    "2027-01-01",
};
const size_t county_n_holidays = G_N_ELEMENTS(county_holidays);

const char *const county_workdays[] = {
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
};
const size_t county_n_workdays = G_N_ELEMENTS(county_workdays);

/* clang-format on */
