package org.huzhu.benefits;

import java.util.List;
import org.huzhu.shared.Money;

/** The answer of contract §1: the total and one benefit per coverage, in request order. */
public record BenefitResult(Money total, List<Benefit> benefits) {

    /** What one coverage pays: the sum of its rounded components, and why. */
    public record Benefit(String item, String plan, Decision decision, Money amount, List<ComponentAmount> components,
                          List<Reason> reasons) {
    }

    public record ComponentAmount(Component component, Money amount) {
    }

    public record Reason(ReasonCode code, String message) {
    }

    /** PAY as the formula says; REDUCED when a cap or the out-of-pocket limit cut it; REJECT pays 0.00. */
    public enum Decision {
        PAY, REDUCED, REJECT
    }

    public enum Component {
        MEDICAL("医疗费用"), LUMP_SUM("保障金"), DEATH_DISABILITY("身故伤残"), ALLOWANCE("住院津贴");

        private final String chinese;

        Component(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        static Component parse(String text) {
            for (Component c : values()) {
                if (c.name().equals(text)) return c;
            }
            return null;
        }
    }
}
