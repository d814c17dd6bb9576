// The 2014–2020 funding plan as printed (Đề án, section IV.6 "Khái toán nhu cầu kinh phí…", plan lines 861–954),
// transcribed from docs/plan/plan-facts.json `funding_plan_2014_2020`: every cell with its printed text, value,
// printed decimals and the plan line it stands on. Unit: tỷ đồng (billion VND). model.test.ts checks this
// file against plan-facts.json cell by cell.
import type { PrintedRow } from "./model.js";

export const PLAN_KEY = "2014-2020";
export const PLAN_SOURCE_LINES: [number, number] = [861, 954];
export const PLAN_TITLE_VI = "Khái toán nhu cầu kinh phí cho hoạt động khoa học và công nghệ giai đoạn 2014-2020 như sau";
export const PLAN_TITLE_EN = "Cost estimate (khái toán) of S&T funding needs 2014-2020, section IV.6; unit: tỷ đồng (billion VND)";
export const PLAN_FOOTNOTE_VI = "(Phương án sử dụng và huy động kinh phí các nguồn có phụ lục kèm theo)";

export const PRINTED_ROWS: PrintedRow[] = [
  {
    label: "2014",
    year: 2014,
    sourceLine: 876,
    cells: {
      social_total: { original: "1.223,584", value: 1223.584, decimals: 3, sourceLine: 877 },
      social_recurrent: { original: "611,792", value: 611.792, decimals: 3, sourceLine: 878 },
      social_development: { original: "611,792", value: 611.792, decimals: 3, sourceLine: 879 },
      city_budget_total: { original: "304", value: 304, decimals: 0, sourceLine: 880 },
      city_budget_recurrent: { original: "152", value: 152, decimals: 0, sourceLine: 881 },
      city_budget_development: { original: "152", value: 152, decimals: 0, sourceLine: 882 },
      other_total: { original: "920,5", value: 920.5, decimals: 1, sourceLine: 883 },
      other_pct_of_social: { original: "75,227", value: 75.227, decimals: 3, sourceLine: 884 },
    },
  },
  {
    label: "2015",
    year: 2015,
    sourceLine: 886,
    cells: {
      social_total: { original: "1.382,650", value: 1382.65, decimals: 3, sourceLine: 887 },
      social_recurrent: { original: "691,325", value: 691.325, decimals: 3, sourceLine: 888 },
      social_development: { original: "691,325", value: 691.325, decimals: 3, sourceLine: 889 },
      city_budget_total: { original: "342", value: 342, decimals: 0, sourceLine: 890 },
      city_budget_recurrent: { original: "171", value: 171, decimals: 0, sourceLine: 891 },
      city_budget_development: { original: "171", value: 171, decimals: 0, sourceLine: 892 },
      other_total: { original: "1.040,1", value: 1040.1, decimals: 1, sourceLine: 893 },
      other_pct_of_social: { original: "75,227", value: 75.227, decimals: 3, sourceLine: 894 },
    },
  },
  {
    label: "2016",
    year: 2016,
    sourceLine: 896,
    cells: {
      social_total: { original: "2.092,410", value: 2092.41, decimals: 3, sourceLine: 897 },
      social_recurrent: { original: "1.046,205", value: 1046.205, decimals: 3, sourceLine: 898 },
      social_development: { original: "1.046,205", value: 1046.205, decimals: 3, sourceLine: 899 },
      city_budget_total: { original: "388", value: 388, decimals: 0, sourceLine: 900 },
      city_budget_recurrent: { original: "194", value: 194, decimals: 0, sourceLine: 901 },
      city_budget_development: { original: "194", value: 194, decimals: 0, sourceLine: 902 },
      other_total: { original: "1.704,0", value: 1704.0, decimals: 1, sourceLine: 903 },
      other_pct_of_social: { original: "81,437", value: 81.437, decimals: 3, sourceLine: 904 },
    },
  },
  {
    label: "2017",
    year: 2017,
    sourceLine: 906,
    cells: {
      social_total: { original: "2.374,886", value: 2374.886, decimals: 3, sourceLine: 907 },
      social_recurrent: { original: "1.187,443", value: 1187.443, decimals: 3, sourceLine: 908 },
      social_development: { original: "1.187,443", value: 1187.443, decimals: 3, sourceLine: 909 },
      city_budget_total: { original: "440", value: 440, decimals: 0, sourceLine: 910 },
      city_budget_recurrent: { original: "220", value: 220, decimals: 0, sourceLine: 911 },
      city_budget_development: { original: "220", value: 220, decimals: 0, sourceLine: 912 },
      other_total: { original: "1.934,4", value: 1934.4, decimals: 1, sourceLine: 913 },
      other_pct_of_social: { original: "81,453", value: 81.453, decimals: 3, sourceLine: 914 },
    },
  },
  {
    label: "2018",
    year: 2018,
    sourceLine: 916,
    cells: {
      social_total: { original: "2.695,495", value: 2695.495, decimals: 3, sourceLine: 917 },
      social_recurrent: { original: "1.347,748", value: 1347.748, decimals: 3, sourceLine: 918 },
      social_development: { original: "1.347,748", value: 1347.748, decimals: 3, sourceLine: 919 },
      city_budget_total: { original: "500", value: 500, decimals: 0, sourceLine: 920 },
      city_budget_recurrent: { original: "250", value: 250, decimals: 0, sourceLine: 921 },
      city_budget_development: { original: "250", value: 250, decimals: 0, sourceLine: 922 },
      other_total: { original: "2.196,0", value: 2196.0, decimals: 1, sourceLine: 923 },
      other_pct_of_social: { original: "81,469", value: 81.469, decimals: 3, sourceLine: 924 },
    },
  },
  {
    label: "2019",
    year: 2019,
    sourceLine: 926,
    cells: {
      social_total: { original: "3.059,387", value: 3059.387, decimals: 3, sourceLine: 927 },
      social_recurrent: { original: "1.529,694", value: 1529.694, decimals: 3, sourceLine: 928 },
      social_development: { original: "1.529,694", value: 1529.694, decimals: 3, sourceLine: 929 },
      city_budget_total: { original: "566", value: 566, decimals: 0, sourceLine: 930 },
      city_budget_recurrent: { original: "283", value: 283, decimals: 0, sourceLine: 931 },
      city_budget_development: { original: "283", value: 283, decimals: 0, sourceLine: 932 },
      other_total: { original: "2.493,0", value: 2493.0, decimals: 1, sourceLine: 933 },
      other_pct_of_social: { original: "81,486", value: 81.486, decimals: 3, sourceLine: 934 },
    },
  },
  {
    label: "2020",
    year: 2020,
    sourceLine: 936,
    cells: {
      social_total: { original: "3.472,404", value: 3472.404, decimals: 3, sourceLine: 937 },
      social_recurrent: { original: "1.736,202", value: 1736.202, decimals: 3, sourceLine: 938 },
      social_development: { original: "1.736,202", value: 1736.202, decimals: 3, sourceLine: 939 },
      city_budget_total: { original: "642", value: 642, decimals: 0, sourceLine: 940 },
      city_budget_recurrent: { original: "321", value: 321, decimals: 0, sourceLine: 941 },
      city_budget_development: { original: "321", value: 321, decimals: 0, sourceLine: 942 },
      other_total: { original: "2.830,1", value: 2830.1, decimals: 1, sourceLine: 943 },
      other_pct_of_social: { original: "81,502", value: 81.502, decimals: 3, sourceLine: 944 },
    },
  },
  {
    label: "Tổng",
    year: null,
    sourceLine: 946,
    cells: {
      social_total: { original: "16.300,817", value: 16300.817, decimals: 3, sourceLine: 947 },
      social_recurrent: { original: "8.150,408", value: 8150.408, decimals: 3, sourceLine: 948 },
      social_development: { original: "8.150,408", value: 8150.408, decimals: 3, sourceLine: 949 },
      city_budget_total: { original: "3.182", value: 3182, decimals: 0, sourceLine: 950 },
      city_budget_recurrent: { original: "1.591", value: 1591, decimals: 0, sourceLine: 951 },
      city_budget_development: { original: "1.591", value: 1591, decimals: 0, sourceLine: 952 },
      other_total: { original: "13.118,817", value: 13118.817, decimals: 3, sourceLine: 953 },
      other_pct_of_social: { original: "80,474", value: 80.474, decimals: 3, sourceLine: 954 },
    },
  },
];
