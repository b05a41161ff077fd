package dev.steward.rights.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A zip of named files, in memory (a request's result is handed out as one file). */
final class ZipFile {

    static final String CONTENT_TYPE = "application/zip";

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    ZipFile with(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a zip in memory", e);
        }
        return out.toByteArray();
    }
}
