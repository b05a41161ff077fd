package dev.steward.keys;

/** The version of a tenant's key-encryption key; versions count up from 1 as the key rotates. */
public record KeyVersion(int value) implements Comparable<KeyVersion> {

    public static final KeyVersion FIRST = new KeyVersion(1);

    public KeyVersion {
        if (value < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
    }

    public KeyVersion next() {
        return new KeyVersion(value + 1);
    }

    @Override
    public int compareTo(KeyVersion other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "v" + value;
    }
}
