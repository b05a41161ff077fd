package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Without a configured scrape token the metrics are closed to every credential, an empty one included. */
class ScrapeTokenFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static Authentication after(ScrapeTokenFilter filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        AtomicReference<Authentication> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        SecurityContextHolder.clearContext();
        return seen.get();
    }

    @Test
    void withoutAConfiguredTokenNobodyIsRecognised() throws Exception {
        for (String configured : new String[] { null, "", "   " }) {
            ScrapeTokenFilter filter = new ScrapeTokenFilter(configured);
            assertThat(filter.open()).isFalse();
            for (String header : new String[] { null, "Bearer ", "Bearer  ", "Bearer x", "Bearer null" }) {
                assertThat(after(filter, header)).as(configured + " / " + header).isNull();
            }
        }
    }

    @Test
    void onlyTheConfiguredTokenIsRecognised() throws Exception {
        ScrapeTokenFilter filter = new ScrapeTokenFilter("s3cret-scrape");
        assertThat(after(filter, "Bearer s3cret-scrape").getAuthorities())
                .extracting(a -> a.getAuthority()).containsExactly(ScrapeTokenFilter.AUTHORITY);
        assertThat(after(filter, "bearer s3cret-scrape").getAuthorities())
                .as("the scheme is case-insensitive (RFC 9110)")
                .extracting(a -> a.getAuthority()).containsExactly(ScrapeTokenFilter.AUTHORITY);
        assertThat(after(filter, "Bearer s3cret-scrapf")).isNull();
        assertThat(after(filter, "Bearer s3cret-scrape2")).isNull();
        assertThat(after(filter, "Basic czNjcmV0LXNjcmFwZQ==")).isNull();
        assertThat(after(filter, null)).isNull();
    }
}
