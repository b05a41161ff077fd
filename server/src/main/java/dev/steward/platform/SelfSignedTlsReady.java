package dev.steward.platform;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Holds the web server back until the self-signed certificate this start is creating is written. */
@Component
class SelfSignedTlsReady implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    private final Path dataDir;

    SelfSignedTlsReady(@Value("${steward.data-dir:./data}") Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        SelfSignedTls.awaitCertificate(dataDir);
    }
}
