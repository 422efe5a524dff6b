# The home page (src/ui/dashboard.rs).
dashboard-title = Tổng quan
dashboard-today = Hôm nay { $date } (giờ Việt Nam)
dashboard-record-event = + Ghi sự kiện
# (no plural forms in Vietnamese: one variant)
dashboard-tile-in-force = { $count ->
   *[other] văn bản đang hiệu lực
}
dashboard-tile-ending-soon = sắp hết hiệu lực (90 ngày)
# (no plural forms in Vietnamese: one variant)
dashboard-tile-upcoming = { $count ->
   *[other] sự kiện trong 30 ngày tới
}
# (no plural forms in Vietnamese: one variant)
dashboard-tile-overdue = { $count ->
   *[other] việc quá hạn
}
dashboard-due-title = Việc đến hạn
dashboard-due-help = Buổi làm việc định kỳ, hạn trả lời kiến nghị và kế hoạch cần gia hạn, theo mức độ gấp.
dashboard-band-overdue = Quá hạn
dashboard-band-within-30 = Trong 30 ngày tới
dashboard-band-within-90 = Từ 31 đến 90 ngày
dashboard-nothing-due = Không có việc nào.
dashboard-due-duty = { $title } — năm { $year }
dashboard-due-recommendation = Hạn trả lời kiến nghị
dashboard-due-plan-renewal = Kế hoạch hết hạn, chưa có kế hoạch mới
dashboard-due-agreement = Văn bản:
dashboard-due-on = Hạn { $date }
dashboard-distance-overdue = quá hạn { $days } ngày
dashboard-distance-today = đến hạn hôm nay
dashboard-distance-left = còn { $days } ngày
dashboard-ending-soon-title = Sắp hết hiệu lực
dashboard-ending-soon-none = Không có văn bản nào hết hiệu lực trong 90 ngày tới.
dashboard-ends-on = — hết hạn { $date }
dashboard-upcoming-title = Sự kiện sắp tới
dashboard-upcoming-none = Chưa có sự kiện nào trong 30 ngày tới.
dashboard-see-timeline = Xem dòng thời gian
dashboard-coverage-title = Kế hoạch phối hợp với các sở, ngành năm { $year }
dashboard-coverage-none = Không có quy chế nào đang hiệu lực trong năm nay, nên chưa có kế hoạch nào cần theo dõi. Các quy chế đã hết hạn vẫn xem được trong
dashboard-coverage-none-link = danh sách văn bản
dashboard-with-plan = Đã có kế hoạch ({ $count }):
dashboard-without-plan = Chưa có kế hoạch ({ $count }):
