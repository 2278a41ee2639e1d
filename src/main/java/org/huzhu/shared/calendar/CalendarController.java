package org.huzhu.shared.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "工作日历", description = "国务院节假日安排（含调休上班日），按年加载，无需发版")
class CalendarController {

    private final BusinessCalendar calendar;
    private final Path dir;

    CalendarController(BusinessCalendar calendar, @Value("${huzhu.calendar.dir:data/calendar}") String dir) {
        this.calendar = calendar;
        this.dir = Path.of(dir.isBlank() ? "data/calendar" : dir);
    }

    record YearView(int year, String source, List<CalendarYear.DaysOff> daysOff, List<LocalDate> makeUpWorkingDays,
                    int workingDays) {
    }

    @Requires(Right.SIGNED_IN)
    @GetMapping("/{year}")
    @Operation(summary = "某年的节假日安排与工作日数")
    YearView year(@PathVariable int year) {
        CalendarYear notice = calendar.years().get(year);
        if (notice == null) throw new NotFoundException(year + "年的节假日安排尚未加载");
        int workingDays = calendar.workingDaysBetween(LocalDate.of(year, 1, 1).minusDays(1), LocalDate.of(year, 12, 31));
        return new YearView(year, notice.source(), notice.daysOff(), notice.makeUpWorkingDays(), workingDays);
    }

    @Requires(Right.CALENDAR_LOAD)
    @PutMapping("/{year}")
    @Operation(summary = "加载（或更正）某年的国务院节假日通知（管理员）")
    YearView load(@PathVariable int year, @RequestBody CalendarYear notice) throws IOException {
        if (notice.year() != year) throw InvalidInputException.of("year", "请求体中的年份与地址中的年份不一致");
        List<String> problems = new ArrayList<>(notice.problems());
        if (!problems.isEmpty()) throw InvalidInputException.of("daysOff", String.join("；", problems));
        calendar.load(notice);
        Files.createDirectories(dir);
        CalendarConfiguration.YAML.writeValue(dir.resolve("CN-" + year + ".yaml").toFile(), notice);
        return year(year);
    }
}
