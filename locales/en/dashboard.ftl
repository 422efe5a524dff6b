# The home page (src/ui/dashboard.rs).
dashboard-title = Overview
dashboard-today = Today { $date } (Vietnam time)
dashboard-record-event = + Record an event
dashboard-tile-in-force = { $count ->
    [one] agreement in force
   *[other] agreements in force
}
dashboard-tile-ending-soon = ending within 90 days
dashboard-tile-upcoming = { $count ->
    [one] event in the next 30 days
   *[other] events in the next 30 days
}
dashboard-tile-overdue = { $count ->
    [one] overdue task
   *[other] overdue tasks
}
dashboard-due-title = Due tasks
dashboard-due-help = Annual working sessions, deadlines for answering recommendations and plans to renew, by urgency.
dashboard-band-overdue = Overdue
dashboard-band-within-30 = In the next 30 days
dashboard-band-within-90 = In 31 to 90 days
dashboard-nothing-due = Nothing due.
dashboard-due-duty = { $title } — { $year }
dashboard-due-recommendation = Deadline to answer a recommendation
dashboard-due-plan-renewal = Plan expired, no new plan yet
dashboard-due-agreement = Agreement:
dashboard-due-on = Due { $date }
dashboard-distance-overdue = { $days ->
    [one] { $days } day overdue
   *[other] { $days } days overdue
}
dashboard-distance-today = due today
dashboard-distance-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
dashboard-ending-soon-title = Ending soon
dashboard-ending-soon-none = No agreement ends in the next 90 days.
dashboard-ends-on = — ends { $date }
dashboard-upcoming-title = Upcoming events
dashboard-upcoming-none = No events in the next 30 days.
dashboard-see-timeline = See the timeline
dashboard-coverage-title = Coordination plans with departments, { $year }
dashboard-coverage-none = No regulation is in force this year, so there are no plans to follow. Expired regulations are still in the
dashboard-coverage-none-link = agreement register
dashboard-with-plan = With a plan ({ $count }):
dashboard-without-plan = Without a plan ({ $count }):
