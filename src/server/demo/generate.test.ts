// The demo data generator: deterministic, the plan's counts and distributions, valid identifiers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deck, generateDemoData, isValidOrcid, orcidCheckChar, taxCodeCheckDigit, type DemoData } from "./generate.js";
import { Prng } from "./prng.js";
import { FIELD_GROUPS } from "./people-data.js";
import { personInput } from "../../common/api/person.js";
import { CODE_LISTS, currentList } from "../../common/reference.js";

const data = generateDemoData({ scale: 1 });
const share = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length / items.length;
const age = (p: DemoData["people"][number]) => 2026 - p.birth_year;

describe("demo data generator", () => {
  it("is deterministic: the same seed gives the same records, ids included", () => {
    expect(generateDemoData({ scale: 1 })).toEqual(data);
    const other = generateDemoData({ scale: 1, seed: "another seed" });
    expect(other.people.map((p) => p.full_name)).not.toEqual(data.people.map((p) => p.full_name));
    expect(other.organisations.map((o) => o.id)).not.toEqual(data.organisations.map((o) => o.id));
  });

  it("has the city's organisations at scale 1 (Đề án lines 280, 285, 293)", () => {
    const { organisations: orgs, laboratories } = data;
    expect(orgs).toHaveLength(150);
    expect(orgs.filter((o) => o.type === "university" || o.type === "college")).toHaveLength(20);
    const st = orgs.filter((o) => o.type === "rd_institute" || o.type === "st_service");
    expect(st).toHaveLength(55);
    expect(st.filter((o) => o.governance === "central")).toHaveLength(8);
    expect(laboratories).toHaveLength(20);
    const names = orgs.map((o) => o.name_vi);
    for (const real of [
      "Trường Đại học Hàng hải Việt Nam",
      "Trường Đại học Y Dược Hải Phòng",
      "Trường Đại học Hải Phòng",
      "Viện Nghiên cứu Hải sản",
      "Viện Tài nguyên và Môi trường biển",
      "Viện Y học biển",
      "Trung tâm Thông tin khoa học và công nghệ Hải Phòng",
      "Sở Khoa học và Công nghệ",
      "Công ty Cổ phần Sơn Hải Phòng",
    ]) {
      expect(names).toContain(real);
    }
    // Parents exist and come first (one INSERT, foreign key to an earlier row).
    const position = new Map(orgs.map((o, i) => [o.id, i]));
    for (const o of orgs.filter((x) => x.parent_id)) expect(position.get(o.parent_id!)).toBeLessThan(position.get(o.id)!);
    const districts = new Set([
      "HONG_BANG",
      "NGO_QUYEN",
      "LE_CHAN",
      "HAI_AN",
      "KIEN_AN",
      "DO_SON",
      "DUONG_KINH",
      "THUY_NGUYEN",
      "AN_DUONG",
      "AN_LAO",
      "KIEN_THUY",
      "TIEN_LANG",
      "VINH_BAO",
      "CAT_HAI",
      "BACH_LONG_VI",
    ]);
    for (const o of orgs) expect(districts).toContain(o.district);
    // Since 1/7/2025 an address names its commune, one of those made from the organisation's former district.
    const units = new Map(currentList("admin_unit", "2026-01-01").codes.map((c) => [c.code, c.vi]));
    for (const o of orgs) {
      expect(units.has(o.commune!), o.name_vi).toBe(true);
      expect(o.address).toContain(`, ${units.get(o.commune!)}, thành phố Hải Phòng`);
    }
    const ngoQuyen = orgs.filter((o) => o.district === "NGO_QUYEN").map((o) => units.get(o.commune!));
    expect(ngoQuyen.length).toBeGreaterThan(0);
    for (const c of ngoQuyen) expect(["Phường Hồng Bàng", "Phường Ngô Quyền", "Phường Gia Viên", "Phường Lê Chân"]).toContain(c);
  });

  it("gives unique tax codes with a valid check digit, and unique laboratory accreditation numbers", () => {
    const big = generateDemoData({ people: 10, organisations: 3000 });
    const codes = big.organisations.map((o) => o.tax_code!);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^02\d{8}$/);
      expect(taxCodeCheckDigit(c.slice(0, 9))).toBe(Number(c[9]));
    }
    const numbers = big.laboratories.map((l) => l.accreditation_number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(big.organisations.map((o) => o.name_vi)).size).toBe(3000);
  });

  it("follows the plan's degree, title, gender, age and field figures", () => {
    const people = data.people;
    expect(people).toHaveLength(1500);
    const doctors = people.filter((p) => p.degree === "TS" || p.degree === "TSKH");
    const postgrads = people.filter((p) => p.degree !== "DH");
    const bachelors = people.filter((p) => p.degree === "DH");
    // line 245: 199 doctors and 520 masters among ~1,450 R&D staff
    expect(doctors.length / people.length).toBeCloseTo(199 / 1450, 2);
    expect(share(people, (p) => p.degree === "ThS")).toBeCloseTo(520 / 1450, 2);
    expect(people.every((p) => ["TSKH", "TS", "ThS", "DH"].includes(p.degree))).toBe(true);
    // line 230: 8 GS and 34 PGS, scaled to the registry; only doctors, GS aged 50+, PGS 40+
    expect(people.filter((p) => p.title === "GS")).toHaveLength(Math.round((1500 * 8) / 1450));
    expect(people.filter((p) => p.title === "PGS")).toHaveLength(Math.round((1500 * 34) / 1450));
    for (const p of people.filter((x) => x.title)) {
      expect(["TS", "TSKH"]).toContain(p.degree);
      expect(age(p)).toBeGreaterThanOrEqual(p.title === "GS" ? 50 : 40);
    }
    // line 239: 57.46 % of masters and above are men; line 251: 63.09 % of (bachelor-level) staff
    expect(share(postgrads, (p) => p.gender === "male")).toBeCloseTo(0.5746, 2);
    expect(share(bachelors, (p) => p.gender === "male")).toBeCloseTo(0.6309, 2);
    // line 237: masters and doctors under 35: 48.67 %, 35–55: 41.74 %, over 55: 9.59 % (TSKH start at 40: ±1.5 points)
    expect(Math.abs(share(postgrads, (p) => age(p) < 35) - 0.4867)).toBeLessThan(0.015);
    expect(Math.abs(share(postgrads, (p) => age(p) >= 35 && age(p) <= 55) - 0.4174)).toBeLessThan(0.015);
    expect(Math.abs(share(postgrads, (p) => age(p) > 55) - 0.0959)).toBeLessThan(0.015);
    // line 249: under 30 17.94 %, 30–50 56.45 %, over 50 25.6 %
    expect(share(bachelors, (p) => age(p) < 30)).toBeCloseTo(0.1794, 2);
    expect(share(bachelors, (p) => age(p) > 50)).toBeCloseTo(0.256, 2);
    for (const p of people) expect(age(p)).toBeGreaterThanOrEqual(22);
    // line 235: education 30.31 %, health 13.98 %, economics 11.39 % … (first field of each person)
    for (const g of FIELD_GROUPS) {
      expect(share(people.slice(2), (p) => g.codes.includes(p.fields[0]))).toBeCloseTo(g.share, 2);
    }
    // line 241: 51.1 % in universities and colleges
    const typeOf = new Map(data.organisations.map((o) => [o.id, o.type]));
    const academic = share(people, (p) => ["university", "college"].includes(typeOf.get(p.primary_organisation_id)!));
    expect(academic).toBeCloseTo(0.511, 2);
    // …and nobody works where nobody works in their field (no fisheries researcher in a hospital).
    const orgFields = new Map(data.organisations.map((o) => [o.id, new Set(o.fields.map((f) => f[0]))]));
    for (const p of people) {
      const academicOrg = ["university", "college"].includes(typeOf.get(p.primary_organisation_id)!);
      if (!academicOrg) expect(orgFields.get(p.primary_organisation_id)).toContain(p.fields[0][0]);
    }
  });

  it("writes realistic Vietnamese names, with the family names' real frequencies", () => {
    const names = data.people.map((p) => p.full_name);
    expect(names).toContain("Nguyễn Văn An");
    for (const n of names) {
      expect(n.split(" ").length).toBeGreaterThanOrEqual(3);
      expect(n).toBe(n.normalize("NFC"));
    }
    const family = (f: string) => share(names, (n) => n.startsWith(f + " "));
    expect(Math.abs(family("Nguyễn") - 0.384)).toBeLessThan(0.04);
    expect(Math.abs(family("Trần") - 0.121)).toBeLessThan(0.03);
    expect(family("Lê")).toBeGreaterThan(0.06);
    // Women's middle name is most often "Thị", men's "Văn".
    expect(
      share(
        data.people.filter((p) => p.gender === "female"),
        (p) => p.full_name.includes(" Thị "),
      ),
    ).toBeGreaterThan(0.3);
    expect(
      share(
        data.people.filter((p) => p.gender === "male"),
        (p) => p.full_name.includes(" Văn "),
      ),
    ).toBeGreaterThan(0.2);
  });

  it("gives people valid ORCID iDs, unique e-mails, experts and affiliations with dates and positions", () => {
    const { people, affiliations } = data;
    const orcids = people.filter((p) => p.orcid).map((p) => p.orcid!);
    expect(orcids.length).toBeGreaterThan(100);
    expect(new Set(orcids).size).toBe(orcids.length);
    for (const o of orcids) expect(isValidOrcid(o)).toBe(true);
    const emails = people.filter((p) => p.email).map((p) => p.email!);
    expect(new Set(emails).size).toBe(emails.length);
    expect(share(people, (p) => p.is_expert)).toBeGreaterThan(0.05);
    for (const p of people.filter((x) => x.is_expert)) expect(p.expert_since! <= "2026-12-31").toBe(true);

    const byPerson = new Map<string, typeof affiliations>();
    for (const a of affiliations) byPerson.set(a.person_id, [...(byPerson.get(a.person_id) ?? []), a]);
    for (const p of people) {
      const list = byPerson.get(p.id)!;
      const current = list.filter((a) => a.end_date === null);
      expect(current).toHaveLength(1);
      expect(current[0].organisation_id).toBe(p.primary_organisation_id);
      expect(current[0].position).toBeTruthy();
      for (const a of list.filter((x) => x.end_date)) {
        expect(a.start_date! <= a.end_date!).toBe(true);
        expect(a.end_date! < current[0].start_date!).toBe(true);
      }
    }
    expect(affiliations.filter((a) => a.end_date).length).toBeGreaterThan(100);
  });

  it("records consent for experts under the current notice", () => {
    const experts = new Set(data.people.filter((p) => p.is_expert).map((p) => p.id));
    const pool = data.consents.filter((c) => c.purpose === "expert_pool");
    expect(new Set(pool.map((c) => c.person_id))).toEqual(experts);
    for (const c of data.consents) {
      expect(c.notice_version).toBe("2026-01");
      expect(c.recorded_at).toMatch(/^2026-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    }
    expect(data.consents.some((c) => c.purpose === "registry_publication" && !experts.has(c.person_id))).toBe(true);
  });

  it("links the demo accounts' records", () => {
    const org = (id: string) => data.organisations.find((o) => o.id === id)!;
    const person = (id: string) => data.people.find((p) => p.id === id)!;
    expect(person(data.anchors.piPersonId).full_name).toBe("Nguyễn Văn An");
    expect(person(data.anchors.expertPersonId).is_expert).toBe(true);
    expect(org(data.anchors.orgRepOrganisationId).name_vi).toBe("Trường Đại học Hàng hải Việt Nam");
    expect(org(data.anchors.enterpriseOrganisationId).type).toBe("enterprise");
  });

  it("gives people a scientific CV's training, languages and awards consistent with their degree and age", () => {
    const pi = data.people.find((p) => p.id === data.anchors.piPersonId)!;
    expect(pi.education!.map((e) => [e.level, e.year])).toEqual([
      ["DH", 1997],
      ["ThS", 2003],
      ["TS", 2010],
    ]);
    expect(pi.languages![0].language).toBe("Tiếng Anh");
    expect(pi.awards!.length).toBeGreaterThan(0);
    const degrees = new Set(CODE_LISTS.find((l) => l.key === "degree")!.codes.map((c) => c.code));
    for (const p of data.people) {
      const levels = p.education!.map((e) => e.level);
      // the path to the person's degree, in order, ending with it
      expect(levels.at(-1), p.full_name).toBe(p.degree);
      expect(levels.every((l) => degrees.has(l))).toBe(true);
      const years = p.education!.map((e) => e.year!);
      expect(years[0]).toBeGreaterThanOrEqual(p.birth_year + 21);
      expect(years.every((y, i) => i === 0 || y > years[i - 1])).toBe(true);
      expect(years.at(-1)!).toBeLessThanOrEqual(2026);
      for (const a of p.awards!) expect(a.year!).toBeLessThanOrEqual(2025);
      // every list passes the API's own checks
      expect(personInput.safeParse({ fullName: p.full_name, education: p.education, languages: p.languages, awards: p.awards }).success).toBe(true);
    }
    expect(share(data.people, (p) => p.languages!.length > 0)).toBeGreaterThan(0.5);
    expect(share(data.people, (p) => p.awards!.length > 0)).toBeGreaterThan(0.01);
    // A larger registry fills the lists of the demo's first 1,500 people only: the benchmark's seeding stays lean.
    const large = generateDemoData({ people: 2000 });
    expect(large.people.slice(0, 1500).every((p) => p.education!.length > 0)).toBe(true);
    expect(large.people.slice(1500).every((p) => p.education === undefined)).toBe(true);
  });

  it("multiplies with --scale and takes exact counts", () => {
    const s2 = generateDemoData({ scale: 2 });
    expect([s2.people.length, s2.organisations.length, s2.laboratories.length]).toEqual([3000, 300, 40]);
    const exact = generateDemoData({ people: 4000, organisations: 500, laboratories: 7 });
    expect([exact.people.length, exact.organisations.length, exact.laboratories.length]).toEqual([4000, 500, 7]);
    expect(() => generateDemoData({ organisations: 10 })).toThrow(/at least 150/);
  });
});

describe("identifiers and shares", () => {
  it("computes the ORCID check character (ISO 7064 MOD 11-2) and catches any single wrong digit", () => {
    expect(isValidOrcid("0000-0002-1825-0097")).toBe(true); // ORCID's documented example
    expect(isValidOrcid("0000-0001-5109-3700")).toBe(true);
    expect(isValidOrcid("0000-0002-1694-233X")).toBe(true);
    expect(isValidOrcid("0000-0002-1825-0098")).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }), fc.nat(14), fc.integer({ min: 1, max: 9 }), (ds, pos, delta) => {
        const d15 = ds.join("");
        expect(isValidOrcid(d15 + orcidCheckChar(d15))).toBe(true);
        const wrong = d15.slice(0, pos) + ((ds[pos] + delta) % 10) + d15.slice(pos + 1);
        expect(isValidOrcid(wrong + orcidCheckChar(d15))).toBe(false);
      }),
    );
  });

  it("deals exact shares: every count within one of n × share, summing to n", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.nat(3000), fc.integer(), (weights, n, seed) => {
        const table = weights.map((w, i) => [i, w] as const);
        const out = deck(new Prng(seed), table, n);
        expect(out).toHaveLength(n);
        const total = weights.reduce((a, b) => a + b, 0);
        weights.forEach((w, i) => {
          expect(Math.abs(out.filter((x) => x === i).length - (n * w) / total)).toBeLessThan(1 + 1e-9);
        });
      }),
    );
  });
});
