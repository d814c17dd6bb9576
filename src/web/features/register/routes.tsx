// The register of documents issued (sổ đăng ký văn bản đi).
import { BookOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const RegisterPage = lazyPage(() => import("./RegisterPage"), "RegisterPage");

export const feature: Feature = {
  routes: [{ path: "/document-register", page: RegisterPage, allowed: can.readDocumentRegister }],
  menu: [
    {
      group: "tasks",
      order: 95,
      path: "/document-register",
      labelKey: "register.nav",
      icon: <BookOutlined aria-hidden />,
      allowed: can.readDocumentRegister,
    },
  ],
};
