package dev.switchboard.connector.schedule;

/** The designer's help page for {@code schedule}. */
final class ScheduleHelp {
    private ScheduleHelp() {}

    static final String TEXT = """
            Starts the flow on a schedule. Each tick creates one event of type
            `dev.switchboard.schedule.fired`.

            - **interval**: every **Interval** (`30s`, `5m`, `1h`, `PT30S`); the first event comes one
              interval after the flow started. A tick that finds the previous run still going waits
              for it, so runs of one schedule never overlap.
            - **cron**: at the times a Quartz cron expression names, in **Time zone**. Quartz cron has
              6 or 7 fields: `seconds minutes hours day-of-month month day-of-week [year]`, and one of
              day-of-month / day-of-week must be `?`.

            | Cron | Means |
            |---|---|
            | `0 0/15 * * * ?` | every 15 minutes |
            | `0 30 9 ? * MON-FRI` | 09:30 on weekdays |
            | `0 0 2 1 * ?` | 02:00 on the first of each month |

            **Data**: the **Payload** JSON when one is set, otherwise
            `{"firedAt": "2026-11-28T09:30:00Z", "count": 3}` where `count` counts ticks since the
            flow was (re)deployed.

            **Example**

            ```json
            { "id": "nightly", "type": "schedule",
              "config": { "mode": "cron", "cron": "0 0 2 * * ?", "timeZone": "Europe/Berlin",
                          "payload": { "report": "daily-leads" } } }
            ```
            """;
}
