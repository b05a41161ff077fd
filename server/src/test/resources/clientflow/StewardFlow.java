package clientflow;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.steward.client.ApiClient;
import dev.steward.client.ApiException;
import dev.steward.client.api.BundleApi;
import dev.steward.client.api.RecordApi;
import dev.steward.client.api.TokenApi;
import dev.steward.client.model.BundleRequest;
import dev.steward.client.model.BundleView;
import dev.steward.client.model.CorrectionBody;
import dev.steward.client.model.ErasureView;
import dev.steward.client.model.ImportReport;
import dev.steward.client.model.IssuedTokenView;
import dev.steward.client.model.NewRecordBody;
import dev.steward.client.model.Problem;
import dev.steward.client.model.RecordSource;
import dev.steward.client.model.RecordView;
import dev.steward.client.model.Role;
import dev.steward.client.model.TokenRequest;
import dev.steward.support.ClientFlow;

/**
 * A customer's system as an outsider would write it: only the client generated from the OpenAPI
 * document, and what the document says. Compiled at test time together with that client.
 */
public class StewardFlow implements ClientFlow {

    private static final String PURPOSE = "contract";

    @Override
    public Observed run(String baseUri, HttpClient.Builder http, String adminToken, String subjectId) throws Exception {
        OffsetDateTime from = OffsetDateTime.now().minusSeconds(1);
        ApiClient admin = client(baseUri, http, adminToken);
        IssuedTokenView issued = new TokenApi(admin).tokenIssue(new TokenRequest().name("client-flow")
                .role(Role.CUSTOMER_ADMIN).expiresInDays(1));
        ApiClient client = client(baseUri, http, issued.getSecret());
        RecordApi records = new RecordApi(client);

        RecordView created = records.recordCreate(subjectId, new NewRecordBody().category("contact")
                .source(RecordSource.CUSTOMER).purpose(PURPOSE).document(Map.of("email", "ada@example.org")));
        RecordView read = records.recordRead(created.getId(), PURPOSE, PURPOSE);
        RecordView corrected = records.recordCorrect(created.getId(), new CorrectionBody()
                .document(Map.of("email", "ada@example.net")).expectedVersion(read.getVersion()));
        RecordView reread = records.recordRead(created.getId(), PURPOSE, PURPOSE);
        String importLine = client.getObjectMapper().writeValueAsString(Map.of("subjectId", subjectId, "category", "contact",
                "purpose", PURPOSE, "document", Map.of("email", "grace@example.org")));
        ImportReport imported = records.recordImportRecords(importLine + "\n", PURPOSE, PURPOSE);

        File export = records.recordExportSubject(subjectId, PURPOSE, PURPOSE);
        List<String> exported = new ArrayList<>();
        for (String line : Files.readAllLines(export.toPath())) {
            if (!line.isBlank()) {
                exported.add(email(client.getObjectMapper().readValue(line, RecordView.class)));
            }
        }

        ErasureView erased = records.recordErase(subjectId);
        int afterErasure = 0;
        Problem problem = null;
        String problemMedia = null;
        try {
            records.recordRead(created.getId(), PURPOSE, PURPOSE);
        } catch (ApiException e) {
            afterErasure = e.getCode();
            problemMedia = e.getResponseHeaders().firstValue("Content-Type").orElse(null);
            problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        }

        BundleApi bundles = new BundleApi(client);
        BundleView bundle = bundles.bundleRequest(new BundleRequest().from(from).to(OffsetDateTime.now().plusSeconds(1)));
        String token = bundle.getDownload().substring(bundle.getDownload().indexOf("token=") + "token=".length());
        File zip = bundles.bundleDownload(bundle.getId(), token);
        int again = 0;
        String againType = null;
        try {
            bundles.bundleDownload(bundle.getId(), token);
        } catch (ApiException e) {
            again = e.getCode();
            againType = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class).getType().toString();
        }

        return new Observed(issued.getToken().getRole().getValue(), issued.getSecret() != null, created.getVersion(),
                email(read), corrected.getVersion(), email(reread), imported.getStored(), exported, erased.getSubjectRef(),
                afterErasure,
                problem == null ? null : problem.getType().toString(), problemMedia, bundle.getState().getValue(),
                zip.toPath(), again, againType);
    }

    private static ApiClient client(String baseUri, HttpClient.Builder http, String token) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(http);
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String email(RecordView record) {
        return record.getDocument() == null ? null : String.valueOf(((Map<?, ?>) record.getDocument()).get("email"));
    }
}
