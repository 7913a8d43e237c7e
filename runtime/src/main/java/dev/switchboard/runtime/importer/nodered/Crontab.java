package dev.switchboard.runtime.importer.nodered;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Node-RED's five-field crontab (minute hour day month weekday, Sunday 0 or 7) → a Quartz cron expression. */
final class Crontab {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private Crontab() {}

    static String toQuartz(String crontab) throws Unmappable {
        String[] f = crontab.trim().split("\\s+");
        if (f.length != 5) {
            throw new Unmappable(
                    "its crontab '" + crontab + "' does not have the five fields minute hour day month weekday");
        }
        String day = f[2];
        String weekday = f[4];
        if (weekday.equals("*") || weekday.equals("?")) {
            weekday = "?";
        } else if (day.equals("*") || day.equals("?")) {
            day = "?";
            weekday = quartzWeekdays(weekday);
        } else {
            throw new Unmappable("its crontab '" + crontab
                    + "' names both days of the month and weekdays, which Quartz cron cannot combine");
        }
        return "0 " + f[0] + " " + f[1] + " " + day + " " + f[3] + " " + weekday;
    }

    /** Unix weekdays 0–7 (0 and 7 Sunday) → Quartz's 1–7 (1 Sunday); names stay. */
    private static String quartzWeekdays(String field) {
        if (field.contains("/")) {
            String[] parts = field.split("/", 2);
            return quartzWeekdays(parts[0]) + "/" + parts[1];
        }
        Matcher m = NUMBER.matcher(field);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int unix = Integer.parseInt(m.group());
            m.appendReplacement(out, Integer.toString(unix % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }
}
