package dev.steward.calendars.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.calendars.CalendarSettings;

/** The {@code calendar_settings} and {@code calendar_edits} tables. */
@Repository
public class CalendarRows {

    private final JdbcClient jdbc;

    CalendarRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CalendarSettings> settings(UUID tenant) {
        return jdbc.sql("SELECT zone_id, country, updated_at, updated_by FROM calendar_settings WHERE tenant_id = ?")
                .param(tenant).query(CalendarRows::settings).optional();
    }

    /** Replaces the tenant's settings (one row per tenant). */
    public void putSettings(UUID tenant, CalendarSettings s) {
        jdbc.sql("DELETE FROM calendar_settings WHERE tenant_id = ?").param(tenant).update();
        jdbc.sql("INSERT INTO calendar_settings (tenant_id, zone_id, country, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                .params(tenant, s.zone().getId(), s.country(), s.updatedAt().atOffset(ZoneOffset.UTC), s.updatedBy())
                .update();
    }

    /** Every edit of the tenant, all years, by date. */
    public List<CalendarEdit> edits(UUID tenant) {
        return jdbc.sql("SELECT on_date, kind, name, changed_at, changed_by FROM calendar_edits WHERE tenant_id = ?"
                + " ORDER BY on_date").param(tenant).query(CalendarRows::edit).list();
    }

    public Optional<CalendarEdit> edit(UUID tenant, LocalDate date) {
        return jdbc.sql("SELECT on_date, kind, name, changed_at, changed_by FROM calendar_edits"
                + " WHERE tenant_id = ? AND on_date = ?").params(tenant, date).query(CalendarRows::edit).optional();
    }

    /** Replaces the date's edit (one per date). */
    public void putEdit(UUID tenant, CalendarEdit e) {
        deleteEdit(tenant, e.date());
        jdbc.sql("INSERT INTO calendar_edits (tenant_id, on_date, kind, name, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenant, e.date(), e.kind().name().toLowerCase(Locale.ROOT), e.name(),
                        e.changedAt().atOffset(ZoneOffset.UTC), e.changedBy())
                .update();
    }

    public void deleteEdit(UUID tenant, LocalDate date) {
        jdbc.sql("DELETE FROM calendar_edits WHERE tenant_id = ? AND on_date = ?").params(tenant, date).update();
    }

    private static CalendarSettings settings(ResultSet rs, int n) throws SQLException {
        return new CalendarSettings(ZoneId.of(rs.getString("zone_id")), rs.getString("country"), true,
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }

    private static CalendarEdit edit(ResultSet rs, int n) throws SQLException {
        return new CalendarEdit(rs.getObject("on_date", LocalDate.class),
                CalendarEdit.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("name"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("changed_by"));
    }
}
