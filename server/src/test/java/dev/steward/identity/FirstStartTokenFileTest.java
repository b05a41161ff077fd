package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.tenancy.TenantRegister;

/** A symbolic link where the bootstrap token file should go stops the first start before anything is created. */
class FirstStartTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkAtTheTokenFileIsRefusedBeforeTheProviderTenantIsCreated() throws Exception {
        Path elsewhere = dir.resolve("readable-by-all");
        Files.writeString(elsewhere, "");
        Path tokenFile = dir.resolve("bootstrap.token");
        Files.createSymbolicLink(tokenFile, elsewhere);
        TenantRegister tenants = mock(TenantRegister.class); // no provider tenant yet: a first start

        assertThatThrownBy(() -> new FirstStart(tenants, mock(AccountDirectory.class), mock(PasswordHasher.class),
                Clock.systemUTC(), false, mock(TokenIssuer.class), tokenFile.toString(), "8443"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("symbolic link");

        verify(tenants, never()).bootstrap(any(), any());
        assertThat(Files.readString(elsewhere)).isEmpty();
    }
}
