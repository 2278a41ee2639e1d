package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;

/** The browser tests' wait: an element of a page just left is asked about again, any other error ends the wait. */
class PageWaitTest {

    private static final String LEFT_THE_DOCUMENT =
            "unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}";

    @Test
    void anElementOfAPageJustLeftIsAskedAboutAgain() {
        AtomicInteger asked = new AtomicInteger();
        Boolean shown = new Browser.PageWait(null, Duration.ofSeconds(5)).until(page -> {
            if (asked.incrementAndGet() < 3) throw new WebDriverException(LEFT_THE_DOCUMENT);
            return true;
        });
        assertThat(shown).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void anyOtherErrorOfTheBrowserEndsTheWaitAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> new Browser.PageWait(null, Duration.ofSeconds(5)).until(page -> {
            asked.incrementAndGet();
            throw new WebDriverException("unknown error: session deleted because of page crash");
        })).isInstanceOf(WebDriverException.class).hasMessageContaining("page crash");
        assertThat(asked).hasValue(1);
    }
}
