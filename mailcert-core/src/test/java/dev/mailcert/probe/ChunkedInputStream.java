package dev.mailcert.probe;

import java.io.InputStream;

/** Test input that hands out at most {@code chunk} bytes per read, to split lines at awkward places. */
final class ChunkedInputStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int position;
    int reads;

    ChunkedInputStream(byte[] data, int chunk) {
        this.data = data;
        this.chunk = chunk;
    }

    @Override
    public int read() {
        return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= data.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, chunk), data.length - position);
        System.arraycopy(data, position, target, offset, n);
        position += n;
        reads++;
        return n;
    }

    /** Like a socket with data queued: everything not yet read counts as available. */
    @Override
    public int available() {
        return data.length - position;
    }

    /** How many bytes have been handed out so far. */
    int consumed() {
        return position;
    }
}
