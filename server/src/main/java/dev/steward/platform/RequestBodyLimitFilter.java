package dev.steward.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body (SEC-10). A declared {@code Content-Length} over the limit is refused
 * with a 413 problem before anything reads the body or authenticates the caller; a chunked body
 * is counted as it is read and ends the request with {@link RequestBodyTooLarge} the moment it
 * passes the limit. Streamed uploads ({@code application/x-ndjson}, read line by line and never
 * held whole) have a larger bound of their own.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String BODY_SETTING = "steward.limits.request-body";
    static final String STREAMED_SETTING = "steward.limits.streamed-body";

    private final long bodyLimit;
    private final long streamedLimit;

    RequestBodyLimitFilter(long bodyLimit, long streamedLimit) {
        this.bodyLimit = bodyLimit;
        this.streamedLimit = streamedLimit;
    }

    /** Whether the request is a streamed upload (NDJSON), which no filter may buffer. */
    static boolean isStreamed(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-ndjson");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean streamed = isStreamed(request);
        long limit = streamed ? streamedLimit : bodyLimit;
        String setting = streamed ? STREAMED_SETTING : BODY_SETTING;
        if (request.getContentLengthLong() > limit) {
            Problems.write(request, response, new RequestBodyTooLarge(limit, setting));
            return;
        }
        chain.doFilter(new Limited(request, limit, setting), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private final String setting;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit, String setting) {
            super(request);
            this.limit = limit;
            this.setting = setting;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit, setting);
            }
            return counted;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String setting;
        private long read;

        Counted(ServletInputStream in, long limit, String setting) {
            this.in = in;
            this.limit = limit;
            this.setting = setting;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLarge(limit, setting);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
