package dev.steward.rights.internal;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.steward.platform.Job;
import dev.steward.records.SubjectFlags;
import dev.steward.rights.RequestType;
import dev.steward.rights.SelfService;

@Configuration(proxyBeanMethods = false)
class RightsConfiguration {

    /** Unfollowed self-service links expire within a day; what their forms held is not kept longer. */
    @Bean
    Job forgetUnconfirmedSubmissions(SelfService selfService) {
        return Job.of("rights.forget-unconfirmed-submissions", Duration.ofHours(1), selfService::forgetUnconfirmed);
    }

    /** Result files are deleted when their link expires, used or not (sooner is not possible: the link may wait unread). */
    @Bean
    Job forgetExpiredDownloads(DownloadLinks links) {
        return Job.of("rights.forget-expired-downloads", Duration.ofHours(1), links::forgetExpired);
    }

    @Bean
    Fulfiller restrictionFulfiller(SubjectFlags flags) {
        return new SubjectFlagFulfiller(flags, RequestType.RESTRICTION);
    }

    @Bean
    Fulfiller objectionFulfiller(SubjectFlags flags) {
        return new SubjectFlagFulfiller(flags, RequestType.OBJECTION);
    }
}
