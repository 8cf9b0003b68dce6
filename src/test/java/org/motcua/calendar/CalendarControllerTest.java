package org.motcua.calendar;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.motcua.common.MotcuaZone;
import org.motcua.common.Problems;
import org.motcua.common.WebConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The public calendar API on the shipped calendar, problem+json for bad input. */
// The demo profile: any start without it must bring real payment secrets (security.ProductionSafety).
@ActiveProfiles("demo")
// Without the security feature's servlet filters (they need its whole configuration; this slice has no security).
@WebMvcTest(controllers = CalendarController.class,
    properties = "spring.config.import=classpath:config/calendar.yml",
    excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.motcua\\.security\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties({CalendarProperties.class, MotcuaZone.class})
@Import({ConfiguredWorkingCalendar.class, ComputeAppointmentDate.class, ReadHolidays.class, WebConfig.class,
    Problems.class})
class CalendarControllerTest {

  @Autowired
  MockMvc mvc;

  @Test
  void dueDateOfTheDomainExample() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2025-01-23T09:00").param("workingDays", "5"))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"due\":\"2025-02-06T09:00\"}", true));
  }

  @Test
  void dueDateInEachUnit() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2025-03-03T10:00").param("workingHours", "2"))
        .andExpect(jsonPath("$.due").value("2025-03-03T14:00"));
    mvc.perform(get("/api/calendar/due").param("from", "2025-04-25T09:00").param("calendarDays", "5"))
        .andExpect(jsonPath("$.due").value("2025-05-05T09:00"));
    mvc.perform(get("/api/calendar/due").param("from", "2025-03-03T15:30").param("sameDay", "true"))
        .andExpect(jsonPath("$.due").value("2025-03-04T17:00"));
  }

  @Test
  void withoutAUnitTheRequestIsRefused() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2025-01-23T09:00"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("CALENDAR_UNIT_REQUIRED"));
    mvc.perform(get("/api/calendar/due").param("from", "2025-01-23T09:00").param("sameDay", "false"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("CALENDAR_UNIT_REQUIRED"));
  }

  @Test
  void twoUnitsAreRefused() throws Exception {
    mvc.perform(get("/api/calendar/due").param("workingDays", "5").param("sameDay", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("CALENDAR_UNIT_CONFLICT"));
  }

  @Test
  void aNegativeOrHugeValueIsRefused() throws Exception {
    mvc.perform(get("/api/calendar/due").param("workingDays", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("CALENDAR_INVALID_VALUE"));
    mvc.perform(get("/api/calendar/due").param("calendarDays", "100000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("CALENDAR_INVALID_VALUE"));
  }

  @Test
  void anUnparsableReceptionTimeIsRefusedInVietnameseOrEnglish() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "23/01/2025 09:00").param("workingDays", "5"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("CALENDAR_INVALID_FROM"))
        .andExpect(jsonPath("$.detail").value(
            "Thời điểm tiếp nhận \"23/01/2025 09:00\" không hợp lệ; hãy nhập theo dạng năm-tháng-ngàyTgiờ:phút,"
                + " ví dụ 2025-01-23T09:00."));
    mvc.perform(get("/api/calendar/due").header("Accept-Language", "en")
            .param("from", "yesterday").param("workingDays", "5"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(
            "Invalid reception time \"yesterday\": use year-month-dayThour:minute, e.g. 2025-01-23T09:00."));
  }

  @Test
  void holidaysOfAnAnnouncedYear() throws Exception {
    mvc.perform(get("/api/calendar/holidays").param("year", "2025"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2025))
        .andExpect(jsonPath("$.announced").value(true))
        .andExpect(jsonPath("$.holidays", hasSize(5)))
        .andExpect(jsonPath("$.holidays[1].name").value("Tết Nguyên đán Ất Tỵ"))
        .andExpect(jsonPath("$.holidays[1].from").value("2025-01-25"))
        .andExpect(jsonPath("$.holidays[1].to").value("2025-02-02"))
        .andExpect(jsonPath("$.makeUpDays[0].date").value("2025-04-26"));
  }

  @Test
  void aYearWithoutNoticesIsNotAnnounced() throws Exception {
    mvc.perform(get("/api/calendar/holidays").param("year", "2031"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.announced").value(false))
        .andExpect(jsonPath("$.holidays", hasSize(0)));
  }
}
