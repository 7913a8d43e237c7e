package dev.switchboard.connector.sql;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/** Named SQL parameters whose values come from templates over the event. */
final class TemplateParameters {
    private final Map<String, Template> templates;

    private TemplateParameters(Map<String, Template> templates) {
        this.templates = templates;
    }

    static TemplateParameters parse(Map<String, String> sources) {
        Map<String, Template> templates = new LinkedHashMap<>();
        sources.forEach((name, source) -> templates.put(name, Template.parse(source)));
        return new TemplateParameters(templates);
    }

    static List<ConfigProblem> problems(Map<String, String> sources, String pointer) {
        List<ConfigProblem> problems = new ArrayList<>();
        sources.forEach((name, source) -> {
            String problem = Template.problem(source);
            if (problem != null) {
                problems.add(new ConfigProblem(pointer + "/" + name, problem));
            }
        });
        return problems;
    }

    /** The {@code :name} parameters a statement uses (quotes, comments and {@code ::} casts are skipped). */
    static List<String> namesIn(String sql) {
        return NamedParameterUtils.buildSqlParameterList(
                        NamedParameterUtils.parseSqlStatement(sql), new MapSqlParameterSource())
                .stream()
                .map(SqlParameter::getName)
                .distinct()
                .toList();
    }

    MapSqlParameterSource bind(Event event) {
        MapSqlParameterSource source = new MapSqlParameterSource();
        templates.forEach((name, template) -> source.addValue(name, SqlValues.toJdbc(template.renderJson(event))));
        return source;
    }
}
