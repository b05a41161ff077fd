package dev.steward.complaints;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/**
 * The step named a version of the complaint that is no longer current, or raced another step: it is
 * refused, and may be taken again on the complaint as it is now.
 */
public final class ComplaintChangedMeanwhile extends ProblemException {

    public ComplaintChangedMeanwhile(int current) {
        super("complaint-changed-meanwhile", HttpStatus.CONFLICT, "The complaint was changed meanwhile",
                "another step was taken on this complaint meanwhile: read it again and retry",
                Map.of("currentVersion", current,
                        "errors", List.of(Map.of("field", "version", "message", "is not the current version"))));
    }
}
