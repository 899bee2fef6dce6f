package cn.tongyi.core.web;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Counts a body as it is read and refuses it with a 413 problem once past its limit ({@link BodyLimits}): the check a
 * body sent without Content-Length (chunked) gets. A refused body is read no further.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    private final BodyLimits limits;

    BodySizeLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limits.limitFor(Objects.toString(context.getMediaType(), null));
        context.setInputStream(new Counted(context.getInputStream(), limit));
        return context.proceed();
    }

    private static final class Counted extends FilterInputStream {

        private final long limit;
        private long count;

        Counted(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count(1);
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        /** Closing would read a refused body to its end; its connection is closed instead ({@link BodyLimits}). */
        @Override
        public void close() throws IOException {
            if (count <= limit) {
                super.close();
            }
        }

        private void count(long bytes) {
            count += bytes;
            if (count > limit) {
                throw BodyLimits.tooLarge(limit);
            }
        }
    }
}
