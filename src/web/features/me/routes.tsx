// The signed-in person's own data.
import { IdcardOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";

const MyDataPage = lazyPage(() => import("./MyDataPage"), "MyDataPage");

export const feature: Feature = {
  routes: [{ path: "/me", page: MyDataPage }],
  menu: [{ group: "personal", order: 10, path: "/me", labelKey: "nav.myData", icon: <IdcardOutlined aria-hidden /> }],
};
