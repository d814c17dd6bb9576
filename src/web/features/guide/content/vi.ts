// Hướng dẫn sử dụng bằng tiếng Việt (ngôn ngữ chính). Tên nút, mục menu trong "[[khoá]]" được hiển thị đúng như trên
// giao diện (guide-tour.ts). Các quy định ở phần trợ giúp theo docs/statistics-forms.md, docs/plan/ và
// src/common/councils/rules.ts, ARCHITECTURE.md (Funding plan, Councils).
import { planCitation } from "../../../../common/plan/citation.js";
import type { GuideTexts } from "./types.js";

const texts: GuideTexts = {
  roles: {
    officer: {
      who: "Chuyên viên Phòng Quản lý khoa học: lập và theo dõi đợt gọi, nhiệm vụ, hội đồng, hợp đồng và báo cáo thống kê.",
      home: "Trang [[work.title]] liệt kê mọi hồ sơ đang chờ bạn xử lý: nhiệm vụ đến bước của bạn (lập hội đồng, dự thảo quyết định, ký hợp đồng…), hội đồng cần kết luận, báo cáo thống kê chờ duyệt. Lọc theo [[work.byAction]], bấm một dòng để mở hồ sơ; việc quá hạn được đánh dấu [[work.overdueTag]].",
      screenshotAlt: "Trang chủ của chuyên viên: danh sách việc đang chờ, lọc theo việc cần làm",
      stops: {
        queue: {
          title: "Xử lý nhiệm vụ theo quy trình",
          what: "Các nhiệm vụ đang ở bước bạn được thao tác, việc chờ lâu nhất lên trước.",
          steps: [
            "Mở [[tasks.nav.queue]] trên menu bên trái.",
            "Bấm mã nhiệm vụ để mở trang nhiệm vụ; các thao tác chuyển bước của quy trình hiện thành nút ở đầu trang.",
            "Bấm thao tác cần làm, điền thông tin và tài liệu được yêu cầu; hệ thống từ chối kèm lý do nếu chưa đủ điều kiện.",
          ],
        },
        calls: {
          title: "Lập đợt gọi đề xuất, tuyển chọn",
          what: "Đợt thu thập đề xuất đặt hàng hoặc tuyển chọn, giao trực tiếp nhiệm vụ.",
          steps: [
            "Mở [[nav.calls]], bấm [[calls.create]].",
            "Điền mã, tên, quy trình áp dụng và thời hạn nhận hồ sơ, rồi lưu (đợt ở trạng thái nháp, còn sửa được).",
            "Mở đợt vừa lập và công bố; sau khi công bố mọi người dùng thấy đợt và không sửa được nữa.",
          ],
        },
        councils: {
          title: "Lập và điều hành hội đồng",
          what: "Hội đồng xác định nhiệm vụ, tuyển chọn, thẩm định và nghiệm thu.",
          steps: [
            "Mở [[councils.nav]], bấm [[councils.create]], chọn loại hội đồng và nhiệm vụ, hồ sơ được xem xét.",
            "Thêm thành viên: hệ thống [[councils.checkConflict]] trước khi thêm.",
            "Bấm [[councils.action.invite]], đến ngày họp ghi có mặt bằng [[councils.saveAttendance]] rồi [[councils.action.open]].",
            "Khi các thành viên đã nộp phiếu, bấm [[councils.action.conclude]]. Nút [[guide.help.open]] trên trang hội đồng tóm tắt các quy định.",
          ],
        },
        statistics: {
          title: "Kỳ báo cáo thống kê và duyệt báo cáo",
          what: "Kỳ báo cáo theo Thông tư 15/2018/TT-BKHCN, đơn vị phải báo cáo và tình hình nộp.",
          steps: [
            "Mở [[statistics.nav.periods]]; bấm [[statistics.periods.create]] để mở kỳ mới, chọn biểu mẫu và hạn nộp.",
            "Trong kỳ, bấm [[statistics.assign.button]] để giao báo cáo cho các đơn vị.",
            "Mở báo cáo đơn vị đã nộp (từ trang chủ hoặc trong kỳ), kiểm tra rồi bấm [[statistics.review.approve]] hoặc [[statistics.review.return]] kèm ý kiến.",
          ],
        },
        imports: {
          title: "Nhập nhân lực, tổ chức từ Excel",
          what: "Nhập hàng loạt vào cơ sở dữ liệu; tệp chỉ được ghi khi không còn dòng lỗi.",
          steps: [
            "Mở [[nav.imports]], chọn loại dữ liệu, bấm [[imports.downloadTemplate]].",
            "Điền tệp mẫu, kéo thả lên trang; hệ thống kiểm tra từng dòng và liệt kê ô lỗi.",
            "Khi tệp hợp lệ, bấm ghi: toàn bộ các dòng được ghi trong một lần.",
          ],
        },
      },
    },
    leader: {
      who: "Lãnh đạo Sở: theo dõi chỉ tiêu, ký quyết định, phê duyệt thanh toán và xem số liệu tổng hợp.",
      home: "Trang [[work.title]] đặt các chỉ số chính lên đầu (chỉ tiêu, nhiệm vụ, ngân sách đã cấp, báo cáo thống kê đã duyệt) và dưới đó các việc đang chờ bạn, ví dụ ký quyết định phê duyệt nhiệm vụ.",
      screenshotAlt: "Trang chủ của lãnh đạo: chỉ số chính và việc đang chờ",
      stops: {
        leadership: {
          title: "Xem bảng điều hành",
          what: "Tình hình thực hiện các chỉ tiêu của Đề án, nhiệm vụ, kinh phí và báo cáo thống kê trên một trang.",
          steps: ["Mở [[leadership.nav]].", "Bấm một thẻ số liệu hoặc [[leadership.allIndicators]] để xem chi tiết từng chỉ tiêu."],
        },
        queue: {
          title: "Ký quyết định, phê duyệt theo quy trình",
          what: "Các nhiệm vụ đang chờ lãnh đạo quyết định.",
          steps: [
            "Mở [[tasks.nav.queue]] (hoặc bấm việc trên trang chủ).",
            "Mở nhiệm vụ, xem hồ sơ và kết quả hội đồng, rồi bấm thao tác ở đầu trang (ví dụ ký quyết định phê duyệt).",
          ],
        },
        payments: {
          title: "Phê duyệt thanh toán",
          what: "Khoản thanh toán, hoàn trả, điều chỉnh giảm cần người thứ hai phê duyệt.",
          steps: [
            "Mở [[contracts.queue.nav]]; khoản chờ lâu nhất ở đầu danh sách.",
            "Mở hợp đồng của khoản đó, bấm [[contracts.actions.approve]] hoặc [[contracts.actions.reject]]. Người lập khoản không tự phê duyệt được.",
          ],
        },
        fundingPlan: {
          title: "Kế hoạch kinh phí và kịch bản giả định",
          what: "Bảng khái toán kinh phí của Đề án, số thực hiện theo năm và các kịch bản.",
          steps: [
            "Mở [[fundingPlans.nav]]; tab [[fundingPlans.tabs.table]] cho bảng in trong Đề án và kết quả kiểm tra số liệu.",
            "Tab [[fundingPlans.tabs.actuals]] so sánh ngân sách đã bố trí với kế hoạch và mục tiêu.",
            "Bấm [[fundingPlans.newScenario]] để thử thay đổi đầu vào và lưu kịch bản. Nút [[guide.help.open]] giải thích các con số.",
          ],
        },
        statistics: {
          title: "Xem báo cáo thống kê",
          what: "Mọi báo cáo của các đơn vị, lọc theo kỳ, biểu mẫu, trạng thái.",
          steps: [
            "Mở [[statistics.nav.reports]], lọc theo kỳ, biểu mẫu hoặc trạng thái.",
            "Mở một báo cáo đã duyệt: chỉ lãnh đạo được [[statistics.review.unapprove]], kèm lý do.",
          ],
        },
      },
    },
    finance: {
      who: "Kế toán Phòng Kế hoạch – Tài chính: theo dõi hợp đồng, thanh toán và số thực hiện ngân sách.",
      home: "Trang [[work.title]] liệt kê các việc tài chính đang chờ bạn, ví dụ thanh lý, quyết toán nhiệm vụ. Khi không có việc, trang ghi rõ không có việc nào đang chờ.",
      screenshotAlt: "Trang chủ của kế toán: việc đang chờ",
      stops: {
        payments: {
          title: "Phê duyệt thanh toán (người thứ hai)",
          what: "Khoản thanh toán, hoàn trả, điều chỉnh giảm do người khác lập, chờ phê duyệt.",
          steps: [
            "Mở [[contracts.queue.nav]].",
            "Mở hợp đồng, kiểm tra khoản và chứng từ, bấm [[contracts.actions.approve]] hoặc [[contracts.actions.reject]].",
          ],
        },
        contracts: {
          title: "Hợp đồng và kế hoạch cấp kinh phí",
          what: "Hợp đồng thực hiện nhiệm vụ, các đợt cấp kinh phí và sổ thanh toán.",
          steps: [
            "Mở [[contracts.nav]], tìm theo mã nhiệm vụ hoặc tên.",
            "Mở hợp đồng: lập khoản thanh toán theo kế hoạch, [[contracts.actions.settle]] khi quyết toán, [[contracts.actions.liquidate]] khi kết thúc.",
          ],
        },
        fundingPlan: {
          title: "Nhập số thực hiện ngân sách",
          what: "Ngân sách thành phố bố trí cho KH&CN theo năm, so với kế hoạch của Đề án.",
          steps: [
            "Mở [[fundingPlans.nav]], chọn tab [[fundingPlans.tabs.actuals]].",
            "Bấm [[fundingPlans.actual.add]], nhập số của năm (đồng) và nguồn số liệu.",
            "[[fundingPlans.export]] tải bảng khái toán và kết quả kiểm tra.",
          ],
        },
        queue: {
          title: "Thanh lý, quyết toán theo quy trình",
          what: "Nhiệm vụ đang chờ bước tài chính.",
          steps: ["Mở [[tasks.nav.queue]], bấm mã nhiệm vụ và thực hiện thao tác ở đầu trang."],
        },
      },
    },
    expert: {
      who: "Chuyên gia, thành viên hội đồng khoa học: ký cam kết, chấm và nộp phiếu.",
      home: "Trang [[work.title]] cho biết các phiếu bạn cần chấm và hạn chấm. Bấm dòng để mở phiếu.",
      screenshotAlt: "Trang chủ của chuyên gia: phiếu cần chấm",
      stops: {
        ballots: {
          title: "Chấm phiếu hội đồng",
          what: "Các hội đồng bạn tham gia.",
          steps: [
            "Mở [[councils.navMine]], bấm tên hội đồng.",
            "Đọc cam kết và bấm [[councils.declaration.sign]]; chưa ký thì chưa chấm được.",
            "Khi hội đồng đang họp, chấm từng tiêu chí, [[councils.score.saveDraft]] nếu chưa xong, rồi [[councils.score.submit]]. Phiếu đã nộp không sửa được.",
            "Trước khi hội đồng kết luận, bạn chỉ thấy phiếu của chính mình.",
          ],
        },
        me: {
          title: "Cập nhật hồ sơ chuyên gia",
          what: "Hồ sơ nhân lực của bạn, sự đồng ý xử lý dữ liệu cá nhân.",
          steps: [
            "Mở [[nav.myData]], bấm [[me.correct]] để sửa thông tin liên hệ, học vị, lĩnh vực.",
            "[[me.exportXlsx]] tải về dữ liệu hệ thống đang lưu về bạn.",
          ],
        },
        calendar: {
          title: "Lịch họp và thời hạn",
          what: "Các mốc thời gian liên quan đến bạn.",
          steps: [
            "Mở [[calendar.nav]] để xem ngày họp hội đồng và các mốc thời hạn khác liên quan đến bạn, theo [[calendar.monthView]] hoặc [[calendar.listView]].",
          ],
        },
      },
    },
    pi: {
      who: "Chủ nhiệm nhiệm vụ: đề xuất, đăng ký tuyển chọn, thực hiện và báo cáo tiến độ.",
      home: "Trang [[work.title]] liệt kê đợt đang nhận đề xuất hoặc hồ sơ, báo cáo tiến độ đến hạn (quá hạn được đánh dấu [[work.overdueTag]]). Bấm dòng để mở đợt hoặc báo cáo.",
      screenshotAlt: "Trang chủ của chủ nhiệm nhiệm vụ: báo cáo đến hạn, đợt đang nhận hồ sơ",
      stops: {
        calls: {
          title: "Xem đợt gọi đang mở",
          what: "Các đợt đặt hàng, tuyển chọn; hạn nộp tính theo giờ máy chủ.",
          steps: [
            "Mở [[nav.calls]], mở đợt đang nhận hồ sơ.",
            "Trong đợt đặt hàng bấm [[calls.tasks.propose]]; trong đợt tuyển chọn mở nhiệm vụ và bấm [[tasks.dossier.create]].",
          ],
        },
        proposals: {
          title: "Gửi đề xuất đặt hàng",
          what: "Các đề xuất nhiệm vụ của bạn.",
          steps: [
            "Mở [[proposals.nav]], bấm [[proposals.create]].",
            "Chọn đợt, điền tên, mục tiêu, sản phẩm dự kiến, [[proposals.fields.proposedBudget]] và [[proposals.fields.proposedMonths]], rồi lưu và gửi trước hạn.",
          ],
        },
        tasks: {
          title: "Hồ sơ đăng ký tuyển chọn",
          what: "Các nhiệm vụ của bạn và nhiệm vụ đang nhận hồ sơ.",
          steps: [
            "Mở [[tasks.nav.list]], tab [[tasks.views.mine]].",
            "Mở nhiệm vụ, vào hồ sơ: điền đủ các phần và tài liệu bắt buộc, rồi [[tasks.dossier.submit]]. Hồ sơ đã nộp bị khoá.",
          ],
        },
        monitoring: {
          title: "Báo cáo tiến độ",
          what: "Nhiệm vụ đang thực hiện, báo cáo định kỳ và kiểm tra.",
          steps: [
            "Mở [[monitoring.nav]], tab [[monitoring.tabs.reports]].",
            "Mở báo cáo đến hạn, nhập khối lượng đã làm, [[monitoring.saveDraft]] rồi [[monitoring.submit]].",
          ],
        },
        me: {
          title: "Dữ liệu cá nhân",
          what: "Hồ sơ nhân lực và dữ liệu hệ thống lưu về bạn.",
          steps: ["Mở [[nav.myData]]; [[me.exportXlsx]] tải về, [[me.requestDeletion]] nếu muốn xoá dữ liệu cá nhân."],
        },
      },
    },
    org_rep: {
      who: "Đại diện tổ chức: báo cáo thống kê của đơn vị, theo dõi nhiệm vụ đơn vị chủ trì.",
      home: "Trang [[work.title]] liệt kê báo cáo thống kê đơn vị phải nộp và báo cáo tiến độ của nhiệm vụ do đơn vị chủ trì, cùng các đợt đang nhận hồ sơ. Báo cáo quá hạn được đánh dấu [[work.overdueTag]].",
      screenshotAlt: "Trang chủ của đại diện tổ chức: báo cáo thống kê phải nộp",
      stops: {
        statistics: {
          title: "Lập và nộp báo cáo thống kê",
          what: "Các biểu báo cáo được giao cho đơn vị.",
          steps: [
            "Mở [[statistics.nav.my]], bấm mã biểu.",
            "Bấm [[statistics.report.prefill]] hoặc [[statistics.report.template]] rồi [[statistics.report.import]]; hoặc nhập trực tiếp. Các ô Tổng số được tính tự động.",
            "Ô để trống là chưa báo cáo; nếu đơn vị không phát sinh, bấm [[statistics.report.fillZeros]].",
            "[[statistics.report.saveDraft]] để kiểm tra, sửa các lỗi được liệt kê, rồi [[statistics.report.submit]]. Nút [[guide.help.open]] trên trang báo cáo nhắc lại các quy định.",
          ],
        },
        forms: {
          title: "Xem biểu mẫu thống kê",
          what: "Biểu mẫu theo Thông tư 15/2018/TT-BKHCN và quy tắc kiểm tra của từng biểu.",
          steps: ["Mở [[statistics.nav.forms]], bấm mã biểu để xem các bảng, chỉ tiêu và quy tắc kiểm tra."],
        },
        monitoring: {
          title: "Theo dõi nhiệm vụ của đơn vị",
          what: "Nhiệm vụ đơn vị chủ trì, báo cáo tiến độ và kiểm tra định kỳ.",
          steps: ["Mở [[monitoring.nav]]; tab [[monitoring.tabs.reports]] để nộp báo cáo, [[monitoring.tabs.inspections]] để xem kết luận kiểm tra."],
        },
        calls: {
          title: "Đăng ký tuyển chọn",
          what: "Các đợt đang nhận hồ sơ.",
          steps: ["Mở [[nav.calls]], mở đợt, mở nhiệm vụ và bấm [[tasks.dossier.create]]."],
        },
        organisations: {
          title: "Thông tin tổ chức",
          what: "Cơ sở dữ liệu tổ chức KH&CN của thành phố.",
          steps: ["Mở [[nav.organisations]], tìm đơn vị của bạn và bấm [[organisations.edit]] để cập nhật."],
        },
      },
    },
    enterprise: {
      who: "Doanh nghiệp: đề xuất đặt hàng, đăng ký tuyển chọn nhiệm vụ.",
      home: "Trang [[work.title]] liệt kê các đợt đang nhận đề xuất đặt hàng hoặc hồ sơ tuyển chọn, với hạn nộp.",
      screenshotAlt: "Trang chủ của doanh nghiệp: đợt đang nhận hồ sơ",
      stops: {
        calls: {
          title: "Xem đợt gọi đang mở",
          what: "Các đợt đặt hàng, tuyển chọn.",
          steps: ["Mở [[nav.calls]], mở đợt đang nhận; đợt tuyển chọn: mở nhiệm vụ và bấm [[tasks.dossier.create]]."],
        },
        proposals: {
          title: "Gửi đề xuất đặt hàng",
          what: "Đề xuất nhiệm vụ của doanh nghiệp.",
          steps: ["Mở [[proposals.nav]], bấm [[proposals.create]], điền và gửi trước hạn của đợt."],
        },
        organisations: {
          title: "Tìm đối tác",
          what: "Cơ sở dữ liệu tổ chức KH&CN.",
          steps: ["Mở [[nav.organisations]], tìm theo tên hoặc mã số thuế."],
        },
        me: {
          title: "Dữ liệu của tôi",
          what: "Dữ liệu hệ thống lưu về tài khoản của bạn.",
          steps: ["Mở [[nav.myData]]; [[me.exportXlsx]] tải về."],
        },
      },
    },
    admin: {
      who: "Quản trị hệ thống: tài khoản, nhật ký, danh mục và quy trình.",
      home: "Trang [[work.title]] của quản trị liệt kê các việc chờ như của chuyên viên (báo cáo chờ duyệt, hội đồng cần lập, kết luận).",
      screenshotAlt: "Trang chủ của quản trị hệ thống",
      stops: {
        users: {
          title: "Quản lý tài khoản",
          what: "Tài khoản, vai trò, khoá tài khoản.",
          steps: [
            "Mở [[nav.users]], bấm [[users.create]].",
            "Chọn vai trò; vai trò quản trị, lãnh đạo, tài chính và chuyên gia phải đăng nhập bằng xác thực hai lớp.",
          ],
        },
        audit: {
          title: "Nhật ký hệ thống",
          what: "Mọi thao tác ghi và truy cập bị từ chối, bảo vệ bằng chuỗi băm.",
          steps: ["Mở [[nav.audit]], lọc theo người dùng hoặc ngày; bấm [[audit.verify]] để kiểm tra chuỗi băm."],
        },
        codeLists: {
          title: "Danh mục dùng chung",
          what: "Bảng mã theo văn bản pháp lý, có phiên bản và ngày hiệu lực.",
          steps: ["Mở [[nav.codeLists]], chọn danh mục để xem các phiên bản."],
        },
        processes: {
          title: "Quy trình",
          what: "Các bước, thao tác, vai trò và điều kiện của từng quy trình, theo phiên bản.",
          steps: ["Mở [[nav.processes]], bấm một phiên bản để xem các bước và căn cứ pháp lý."],
        },
        deletion: {
          title: "Yêu cầu xoá dữ liệu",
          what: "Yêu cầu xoá dữ liệu cá nhân của người dùng.",
          steps: ["Mở [[nav.deletionRequests]], xem xét từng yêu cầu và chấp nhận hoặc từ chối kèm lý do."],
        },
      },
    },
  },
  help: {
    fundingPlan: {
      title: "Cách đọc kế hoạch kinh phí",
      sections: [
        {
          heading: "Bảng khái toán",
          points: [
            "Bảng là khái toán kinh phí KH&CN 2014–2020 in trong Đề án, giữ đúng số như bản in (ví dụ 1.223,584 tỷ đồng).",
            "Mỗi dòng: tổng đầu tư xã hội = sự nghiệp + đầu tư phát triển (mỗi phần một nửa); ngân sách thành phố tách tương tự; nguồn khác = tổng xã hội − ngân sách thành phố; tỷ lệ nguồn khác = nguồn khác ÷ tổng xã hội × 100; dòng Tổng cộng = tổng bảy năm.",
            "Hệ thống kiểm tra từng phép tính trên số in, theo số chữ số thập phân được in: Khớp đúng; Bằng nhau sau khi làm tròn; Giải thích được bằng làm tròn phần thập phân; Chỉ giải thích được nếu số nguyên cũng đã làm tròn; Sai lệch vượt mọi cách làm tròn (lỗi, hiện đầu tiên).",
            "Đề án không in chi ngân sách và GRDP nên mục tiêu 2% chi ngân sách và 1,5–2% GRDP không kiểm tra được từ bản in; các đầu vào này được suy ra và ghi là [[fundingPlans.implied]].",
          ],
        },
        {
          heading: "Kịch bản giả định",
          points: [
            "Kịch bản là mô hình, không phải kiểm tra số in: sửa đầu vào từng năm (GRDP, chi ngân sách, các tỷ lệ), các cột khác được tính lại và đặt cạnh mô hình phương án gốc cùng mức chênh.",
            "Kịch bản đã lưu là một phiên bản mới, không sửa được; muốn thay đổi thì tạo kịch bản mới từ nó.",
          ],
        },
        {
          heading: "Thực hiện so với kế hoạch",
          points: [
            "Số thực hiện theo năm (ngân sách sự nghiệp và đầu tư phát triển, kèm nguồn số liệu) được so với kế hoạch và với 2% chi ngân sách thành phố.",
            "Chi ngân sách và GRDP lấy từ chuỗi số liệu ở trang Chỉ tiêu kế hoạch.",
          ],
        },
      ],
      sources: [`${planCitation([861, 954], "vi")} (khái toán kinh phí)`],
    },
    statisticsReport: {
      title: "Cách điền và xét duyệt báo cáo thống kê",
      sections: [
        {
          heading: "Điền số liệu",
          points: [
            "Ô Tổng số, Tổng chi được tính tự động từ các ô thành phần, không nhập tay; khi lưu, nhập Excel hay nộp, máy chủ tính lại. Số tổng trong tệp khác tổng các thành phần thì có cảnh báo cho biết số được dùng.",
            "Ô để trống là chưa báo cáo; số 0 là có báo cáo và bằng không.",
            "[[statistics.report.fillZeros]] điền 0 vào mọi ô nhập còn trống của các bảng, dành cho đơn vị không phát sinh số liệu; ô đã nhập, thông tin chung và ô tổng giữ nguyên. Đây là lựa chọn của người báo cáo, không bao giờ tự động.",
            "Số nhập theo cách viết Việt Nam (1.234.567,5). Nội dung không phải số được giữ lại và đánh dấu; báo cáo chưa lưu được cho đến khi sửa.",
          ],
        },
        {
          heading: "Lưu và nộp",
          points: [
            "Bản nháp lưu được khi chưa đủ; mỗi thông báo lỗi hiện một lần trong danh sách phía trên, bấm để đến ô liên quan.",
            "Bảng bắt buộc phải điền đủ trước khi nộp; còn lỗi thì không nộp được. Sau khi nộp, đơn vị không sửa được trừ khi bị trả lại.",
          ],
        },
        {
          heading: "Xét duyệt",
          points: [
            "Cơ quan quản lý duyệt báo cáo không còn lỗi, hoặc trả lại kèm ý kiến để đơn vị sửa và nộp lại.",
            "Báo cáo đã duyệt bị khoá và được tính vào số liệu tổng hợp; chỉ lãnh đạo huỷ duyệt được, kèm lý do ghi vào nhật ký.",
          ],
        },
      ],
      sources: ["Thông tư 15/2018/TT-BKHCN (chế độ báo cáo thống kê ngành KH&CN)"],
    },
    council: {
      title: "Quy định về hội đồng",
      sections: [
        {
          heading: "Thành phần và điều kiện họp",
          points: [
            "Số thành viên, vai trò, tiêu chí chấm và ngưỡng đạt theo bộ quy định của loại hội đồng, ghi ở mục [[councils.fields.ruleNote]] trên trang này.",
            "Phiên họp hợp lệ khi có mặt từ 2/3 số thành viên trở lên, gồm chủ tịch (hoặc phó chủ tịch được uỷ quyền) và, tuỳ loại hội đồng, các phản biện và thư ký khoa học.",
          ],
        },
        {
          heading: "Xung đột lợi ích",
          points: [
            "Hệ thống kiểm tra xung đột lợi ích khi thêm thành viên, khi gửi mời, trước khi nhận mỗi phiếu và khi kết luận: là chủ nhiệm hoặc thành viên nhiệm vụ; cán bộ tổ chức đăng ký hoặc đề xuất; công tác tại tổ chức đó trong 3 năm gần đây; cùng thực hiện nhiệm vụ với chủ nhiệm trong 5 năm gần đây.",
            "Thành viên có xung đột bị chặn cho đến khi được thay, ghi vắng mặt, hoặc lãnh đạo chấp thuận kèm lý do (ghi nhật ký).",
            "Mỗi thành viên ký cam kết không xung đột lợi ích trước khi chấm; thành viên tham gia bằng giấy thì chuyên viên ghi nhận bản cam kết và phiếu giấy.",
          ],
        },
        {
          heading: "Chấm phiếu bảo mật",
          points: [
            "Trước khi kết luận, thành viên chỉ thấy phiếu của mình; chuyên viên chỉ thấy ai đã nộp. Phiếu đã nộp không sửa được.",
            "Tổ chức, cá nhân đăng ký chỉ thấy kết quả tổng hợp của hồ sơ mình, không thấy điểm từng thành viên hay thứ hạng của hồ sơ khác.",
          ],
        },
        {
          heading: "Kết luận",
          points: [
            "[[councils.action.conclude]] kiểm tra điều kiện họp và xung đột, tính kết quả và khoá hội đồng. Hội đồng tuyển chọn: phiếu lệch quá 20% so với điểm trung bình là phiếu không hợp lệ; xếp hạng theo điểm trung bình các phiếu hợp lệ cộng điểm ưu tiên.",
            "Hội đồng đã kết luận chỉ mở lại được bởi lãnh đạo, kèm lý do.",
          ],
        },
      ],
      sources: [
        "TT 06/2023/TT-BKHCN (xác định nhiệm vụ), TT 08/2017/TT-BKHCN và TT 20/2023/TT-BKHCN (tuyển chọn, giao trực tiếp), TT 55/2015/TTLT-BTC-BKHCN (thẩm định kinh phí), TT 11/2014/TT-BKHCN (nghiệm thu)",
      ],
    },
  },
};

export default texts;
