package cn.tongyi.plugin.merchant.handbook;

import java.time.LocalDate;
import java.util.List;

/**
 * The member discount handbook (R-MERCHANT-4) on a day: the merchants where members may use points that day.
 *
 * @param branch   the branch that was asked
 * @param branches the branches it covers, in code order
 */
public record Handbook(HandbookScope scope, String branch, LocalDate date, String pointUse, List<String> branches,
        List<HandbookEntry> entries) {
}
