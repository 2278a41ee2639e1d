package org.huzhu;

import org.huzhu.shared.database.DatabaseBackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Huzhu (互助): the workers' mutual-aid protection scheme, from enrolment to payout. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class HuzhuApplication {

    public static void main(String[] args) {
        if (DatabaseBackupCommand.requested(args)) System.exit(DatabaseBackupCommand.run(args));
        SpringApplication.run(HuzhuApplication.class, args);
    }
}
