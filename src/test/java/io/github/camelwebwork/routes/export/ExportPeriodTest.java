package io.github.camelwebwork.routes.export;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportPeriodTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void namesTheWeekByItsIsoWeekBasedYear() {
        assertThat(ExportPeriod.weekOf(LocalDate.parse("2026-11-18"), UTC).getLabel()).isEqualTo("2026-W47");
        assertThat(ExportPeriod.weekOf(LocalDate.parse("2027-01-01"), UTC).getLabel()).isEqualTo("2026-W53");
        assertThat(ExportPeriod.weekOf(LocalDate.parse("2027-01-03"), UTC).getLabel()).isEqualTo("2026-W53");
        assertThat(ExportPeriod.weekOf(LocalDate.parse("2024-12-30"), UTC).getLabel()).isEqualTo("2025-W01");
        assertThat(ExportPeriod.weekOf(LocalDate.parse("2021-01-03"), UTC).getLabel()).isEqualTo("2020-W53");
        assertThat(ExportPeriod.weekOf(LocalDate.parse("2026-03-04"), UTC).getLabel()).isEqualTo("2026-W10");
    }

    @Test
    void coversMondayToSunday() {
        ExportPeriod w53 = ExportPeriod.resolve("2026-W53", "UTC");
        assertThat(w53.getStartDate()).isEqualTo("2026-12-28");
        assertThat(w53.getEndDate()).isEqualTo("2027-01-03");
        assertThat(w53.getDays()).containsExactly("2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
                "2027-01-01", "2027-01-02", "2027-01-03");
        assertThat(w53.fileName("tracked-hours", "csv")).isEqualTo("tracked-hours-2026-W53.csv");
    }

    @Test
    void readsAWeekOrADateOfTheWeek() {
        assertThat(ExportPeriod.resolve("2026-W47", "UTC").getStartDate()).isEqualTo("2026-11-16");
        assertThat(ExportPeriod.resolve("2026w47", null).getStartDate()).isEqualTo("2026-11-16");
        assertThat(ExportPeriod.resolve("2026-W01", "UTC").getStartDate()).isEqualTo("2025-12-29");
        assertThat(ExportPeriod.resolve(" 2026-11-22 ", "UTC").getLabel()).isEqualTo("2026-W47");
        assertThat(ExportPeriod.resolve("2026-W47", "Europe/Berlin").getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThatThrownBy(() -> ExportPeriod.resolve("2025-W53", "UTC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weeks 1 to 52");
        assertThatThrownBy(() -> ExportPeriod.resolve("last week", "UTC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last week");
        assertThatThrownBy(() -> ExportPeriod.resolve("", "Mars/Olympus")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void lastWeekIsTheWeekBeforeTodayInTheZone() {
        // Monday 2026-11-23 04:30 UTC: in UTC the week of the 23rd has begun, in New York it is still Sunday
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T04:30:00Z"), UTC);
        assertThat(ExportPeriod.resolve(null, "UTC", clock).getLabel()).isEqualTo("2026-W47");
        assertThat(ExportPeriod.resolve("", "America/New_York", clock).getLabel()).isEqualTo("2026-W46");
        // Monday 2026-11-23 06:00 in Tokyo is Sunday 21:00 UTC
        Clock tokyoMonday = Clock.fixed(Instant.parse("2026-11-22T21:00:00Z"), UTC);
        assertThat(ExportPeriod.resolve(null, "Asia/Tokyo", tokyoMonday).getLabel()).isEqualTo("2026-W47");
        assertThat(ExportPeriod.resolve(null, "UTC", tokyoMonday).getLabel()).isEqualTo("2026-W46");
        // the first Monday of 2027 exports 2026-W53
        Clock newYear = Clock.fixed(Instant.parse("2027-01-04T06:00:00Z"), UTC);
        assertThat(ExportPeriod.resolve(null, "UTC", newYear).getLabel()).isEqualTo("2026-W53");
    }
}
