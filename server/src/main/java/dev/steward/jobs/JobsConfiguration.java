package dev.steward.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.Job;

/** Wires this node's runner with every {@link Job} bean the features contribute, and its poll loop. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    JobSettings jobSettings(@Value("${steward.jobs.lease:PT1M}") Duration lease,
            @Value("${steward.jobs.alert-after:3}") int alertAfter) {
        return new JobSettings(lease, alertAfter);
    }

    @Bean
    JobRunner jobRunner(JobTable table, JobAlarm alarm, TransactionTemplate tx, Clock clock, JobSettings settings,
            @Value("${steward.jobs.node:}") String node, ObjectProvider<Job> jobs) {
        // The JVM's name is pid@host: unique per process, and tells staff which machine holds a lease.
        String name = node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
        return new JobRunner(table, alarm, tx, clock, settings, name, jobs.orderedStream().toList());
    }

    /** Always a bean, switched by a flag rather than a condition: Spring AOT fixes conditions at build time. */
    @Bean
    JobPoller jobPoller(JobRunner runner, @Value("${steward.jobs.poll-interval:PT10S}") Duration every,
            @Value("${steward.jobs.background:true}") boolean background) {
        return new JobPoller(runner, every, background);
    }
}
