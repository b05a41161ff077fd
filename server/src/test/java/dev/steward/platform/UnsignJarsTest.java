package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's {@code server/aot/UnsignJars.java}, run as the launcher runs it, on a copy of the
 * signed Bouncy Castle jar: afterwards the jar is unsigned (so the JVM's AOT cache may hold its
 * classes) and holds the same classes, byte for byte, which still load.
 */
class UnsignJarsTest {

    @TempDir
    Path dir;

    @Test
    void signedJarsLoseTheirSignaturesAndNothingElse() throws Exception {
        Path original = Path.of(Argon2BytesGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Files.copy(original, dir.resolve(original.getFileName()));
        assertThat(signatureEntries(jar)).as("the jar the test starts from is signed").isNotEmpty();

        String output = unsignJarsIn(dir);

        assertThat(output).contains("unsigned " + jar.getFileName());
        assertThat(signatureEntries(jar)).isEmpty();
        assertThat(classes(jar)).isEqualTo(classes(original));
        try (JarFile verified = new JarFile(jar.toFile(), true)) {
            JarEntry entry = verified.getJarEntry(Argon2BytesGenerator.class.getName().replace('.', '/') + ".class");
            verified.getInputStream(entry).readAllBytes();
            assertThat(entry.getCodeSigners()).isNull();
            assertThat(verified.getManifest().getEntries()).as("per-entry digests").isEmpty();
            assertThat(verified.getManifest().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("bcprov");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            assertThat(loader.loadClass(Argon2BytesGenerator.class.getName()).getName())
                    .isEqualTo(Argon2BytesGenerator.class.getName());
        }
    }

    @Test
    void unsignedJarsAreLeftAlone() throws Exception {
        Path original = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Files.copy(original, dir.resolve(original.getFileName()));

        String output = unsignJarsIn(dir);

        assertThat(output).doesNotContain("unsigned");
        assertThat(Files.readAllBytes(jar)).isEqualTo(Files.readAllBytes(original));
    }

    /** Runs the launcher's script as the launcher does; returns what it printed, after it succeeded. */
    private static String unsignJarsIn(Path dir) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("aot/UnsignJars.java").toAbsolutePath().toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        return output;
    }

    private static java.util.List<String> signatureEntries(Path jar) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.matches("(?i)META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
        }
    }

    private static Map<String, Long> classes(Path jar) throws Exception {
        Map<String, Long> crcs = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> crcs.put(e.getName(), e.getCrc()));
        }
        return crcs;
    }
}
