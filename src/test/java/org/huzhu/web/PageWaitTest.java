package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;

/**
 * The browser tests' wait: an element of a page just left, or a search aborted while the page unloads, is asked about
 * again; any other error ends the wait.
 */
class PageWaitTest {

    private static final String LEFT_THE_DOCUMENT =
            "unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}";

    /** What Chromium 156 answered a wait for the console's first element while the login page unloaded (CI 2026-12-03). */
    private static final String ABORTED_BY_NAVIGATION = "aborted by navigation: Inspected target navigated or closed";

    @Test
    void anElementOfAPageJustLeftIsAskedAboutAgain() {
        assertThat(askedUntilShown(LEFT_THE_DOCUMENT, 2)).isEqualTo(3);
    }

    @Test
    void aSearchAbortedByNavigationIsMadeAgainOnTheNewPage() {
        assertThat(askedUntilShown(ABORTED_BY_NAVIGATION, 1)).isEqualTo(2);
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

    /** How often a wait asked before the page answered, when the browser first failed {@code failures} times with {@code error}. */
    private static int askedUntilShown(String error, int failures) {
        AtomicInteger asked = new AtomicInteger();
        Boolean shown = new Browser.PageWait(null, Duration.ofSeconds(5)).until(page -> {
            if (asked.incrementAndGet() <= failures) throw new WebDriverException(error);
            return true;
        });
        assertThat(shown).isTrue();
        return asked.get();
    }
}
