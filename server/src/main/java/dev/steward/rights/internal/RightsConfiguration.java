package dev.steward.rights.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.steward.records.SubjectFlags;
import dev.steward.rights.RequestType;

@Configuration(proxyBeanMethods = false)
class RightsConfiguration {

    @Bean
    Fulfiller restrictionFulfiller(SubjectFlags flags) {
        return new SubjectFlagFulfiller(flags, RequestType.RESTRICTION);
    }

    @Bean
    Fulfiller objectionFulfiller(SubjectFlags flags) {
        return new SubjectFlagFulfiller(flags, RequestType.OBJECTION);
    }
}
