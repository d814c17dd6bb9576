// The sign-in page: public, and part of the first download (not lazy), like the frame.
import type { Feature } from "../../app/feature";
import { LoginPage } from "./LoginPage";

export const feature: Feature = {
  publicRoutes: [{ path: "/login", page: LoginPage }],
};
