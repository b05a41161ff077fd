package dev.steward.evidence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.ledger.verify.BundleWriter;
import dev.steward.ledger.verify.EvidenceBundle;

/**
 * Where evidence bundle files live: {@code <data-dir>/evidence/<tenant>/<bundle>.zip}, readable by
 * the server's user only (directories 700, files 600). A file is written under a temporary name
 * and moved into place, so a half-written bundle is never served.
 */
@Component
public class BundleFiles {

    /** A bundle file found on disk. */
    public record Stored(UUID tenantId, UUID bundleId) {
    }

    private final Path root;
    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    BundleFiles(@Value("${steward.data-dir}") Path dataDir) {
        this.root = dataDir.resolve("evidence");
    }

    public Path path(UUID tenantId, UUID bundleId) {
        return root.resolve(tenantId.toString()).resolve(bundleId + ".zip");
    }

    public void write(UUID tenantId, UUID bundleId, EvidenceBundle bundle) {
        Path target = path(tenantId, bundleId);
        Path tmp = target.resolveSibling(bundleId + ".zip.tmp");
        try {
            createPrivateDirectories(target.getParent());
            Files.deleteIfExists(tmp);
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            BundleWriter.write(tmp, bundle);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(tenantId, bundleId);
            throw new UncheckedIOException("could not store evidence bundle " + bundleId, e);
        }
    }

    /** The file's bytes; empty if it is no longer there. */
    public java.util.Optional<byte[]> read(UUID tenantId, UUID bundleId) {
        try {
            return java.util.Optional.of(Files.readAllBytes(path(tenantId, bundleId)));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read evidence bundle " + bundleId, e);
        }
    }

    /** Deletes the file (and any half-written temporary); true if something was deleted. */
    public boolean delete(UUID tenantId, UUID bundleId) {
        Path target = path(tenantId, bundleId);
        try {
            boolean tmp = Files.deleteIfExists(target.resolveSibling(bundleId + ".zip.tmp"));
            return Files.deleteIfExists(target) || tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete evidence bundle " + bundleId, e);
        }
    }

    /** Every bundle file on disk, so a sweep can delete those whose reason has ended. */
    public List<Stored> all() {
        List<Stored> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> tenants = Files.list(root)) {
            for (Path dir : tenants.toList()) {
                UUID tenant = uuid(dir.getFileName().toString());
                if (tenant == null || !Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        String id = name.endsWith(".zip") ? name.substring(0, name.length() - 4)
                                : name.endsWith(".zip.tmp") ? name.substring(0, name.length() - 8) : null;
                        UUID bundle = id == null ? null : uuid(id);
                        if (bundle != null) {
                            found.add(new Stored(tenant, bundle));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list evidence bundles", e);
        }
        return found.stream().distinct().toList();
    }

    private void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(dir.getParent());
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
