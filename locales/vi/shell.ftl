# The app shell: navigation, header, language switch.
app-name = Phối hợp
nav-label = Điều hướng chính
nav-dashboard = Tổng quan
nav-agreements = Văn bản
nav-events = Sự kiện
nav-recommendations = Kiến nghị
nav-organisations = Cơ quan
nav-people = Cá nhân
nav-sharing = Trao đổi dữ liệu
nav-settings = Cài đặt
office-in-use = Cơ quan sử dụng
language-switch-to = English
language-switch-title = Switch to English
skip-to-content = Bỏ qua, đến nội dung chính
