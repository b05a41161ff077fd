import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the launcher ({@code java UnsignJars.java DIR}) on the jars it extracted for the start-up
 * cache: removes the signature files of signed jars (Bouncy Castle's) and the per-entry digests of
 * their manifests. The JVM leaves classes of signed jars out of its AOT cache, and verifies such a
 * jar in full when the first class is read from it; Steward does not install Bouncy Castle as a
 * JCE provider, the one use that needs the signature. The jars came checksum-verified from Maven
 * Central, and anyone able to alter them on disk could alter every unsigned jar beside them.
 */
public final class UnsignJars {

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+",
            Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                if (isSigned(jar)) {
                    unsign(jar);
                    System.out.println("unsigned " + jar.getFileName());
                }
            }
        }
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> SIGNATURE.matcher(e.getName()).matches());
        }
    }

    private static void unsign(Path jar) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (SIGNATURE.matcher(entry.getName()).matches()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        out.write(mainSection(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(jar));
        } catch (UnsupportedOperationException notPosix) {
            // the temporary file's own permissions stand
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The manifest's main attributes only: the per-entry sections hold nothing but the signed digests. */
    private static byte[] mainSection(String manifest) {
        String normalized = manifest.replace("\r\n", "\n");
        int end = normalized.indexOf("\n\n");
        String main = end < 0 ? normalized : normalized.substring(0, end + 1);
        return (main.endsWith("\n") ? main + "\n" : main + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
