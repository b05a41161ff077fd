package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every body has a bound; streamed NDJSON uploads a larger one of their own (SEC-10). */
class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(100, 1000);

    private static MockHttpServletRequest post(String contentType, int bytes, boolean declareLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/records:import") {
            @Override
            public long getContentLengthLong() {
                return declareLength ? super.getContentLengthLong() : -1;
            }

            @Override
            public int getContentLength() {
                return declareLength ? super.getContentLength() : -1;
            }
        };
        request.setContentType(contentType);
        request.setContent("x".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
        return request;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingReadsTheBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();
        filter.doFilter(post("application/json", 101, true), response, (req, res) -> reached.set(true));

        assertThat(reached).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:steward:problem:payload-too-large")
                .contains("body: must be at most 100 bytes (steward.limits.request-body)")
                .contains("\"instance\":\"/api/v1/records:import\"").contains("\"field\":\"body\"");
    }

    @Test
    void aChunkedBodyIsCountedAsItIsReadAndStopsAtTheLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("application/json", 100, false), response,
                (req, res) -> assertThat(req.getInputStream().readAllBytes()).hasSize(100));
        filter.doFilter(post("application/json", 101, false), response,
                (req, res) -> assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                        .isInstanceOf(RequestBodyTooLarge.class).hasMessageContaining("at most 100 bytes"));
        filter.doFilter(post("application/json", 101, false), response,
                (req, res) -> assertThatThrownBy(() -> req.getReader().read(new char[500]))
                        .isInstanceOf(RequestBodyTooLarge.class));
    }

    @Test
    void streamedUploadsHaveTheirOwnLargerBound() throws Exception {
        MockHttpServletResponse accepted = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();
        filter.doFilter(post("application/x-ndjson", 1000, true), accepted, (req, res) -> {
            reached.set(true);
            assertThat(req.getInputStream().readAllBytes()).hasSize(1000);
        });
        assertThat(reached).isTrue();
        assertThat(accepted.getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(post("application/x-ndjson", 1001, true), refused, (req, res) -> reached.set(false));
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentAsString()).contains("steward.limits.streamed-body");
        filter.doFilter(post("application/x-ndjson", 1001, false), new MockHttpServletResponse(),
                (req, res) -> assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                        .isInstanceOf(RequestBodyTooLarge.class).hasMessageContaining("streamed-body"));
    }
}
