package org.huzhu.identity;

import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs {@link FirstRun} when started with {@code --huzhu.init=true} ({@code ./huzhu init}), prints the
 * two lines, and exits: 0 when done, 1 when the database was already set up or the options are wrong.
 * Options: {@code --province=湖北省总工会 --division-code=420000 --admin=admin}.
 */
@Component
@ConditionalOnProperty(name = "huzhu.init", havingValue = "true")
class FirstRunCommand implements ApplicationRunner {

    private final FirstRun firstRun;
    private final ConfigurableApplicationContext context;

    FirstRunCommand(FirstRun firstRun, ConfigurableApplicationContext context) {
        this.firstRun = firstRun;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            FirstRun.Result result = firstRun.initialise(option(args, "province", "湖北省总工会"),
                    option(args, "division-code", "420000"), option(args, "admin", "admin"));
            result.lines().forEach(System.out::println);
            System.out.println("首次登录须修改初始密码，并设置两步验证。");
            code = 0;
        } catch (ConflictException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            code = 1;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> System.err.println(p.message()));
            code = 1;
        }
        System.out.flush();
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        return args.containsOption(name) && !args.getOptionValues(name).isEmpty() ? args.getOptionValues(name).getFirst() : fallback;
    }
}
