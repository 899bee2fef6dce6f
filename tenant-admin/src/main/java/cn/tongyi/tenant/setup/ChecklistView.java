package cn.tongyi.tenant.setup;

import java.time.OffsetDateTime;
import java.util.List;

/** A branch's set-up checklist as HQ and the branch head read it, in the caller's language. */
public record ChecklistView(String branch, SetupChecklist.Progress progress, List<Item> items) {

    public record Item(SetupItem item, String title, String requirement, boolean done, String note,
            String updatedBy, OffsetDateTime updatedAt) {
    }

    public static ChecklistView of(String branch, SetupChecklist.Progress progress,
            List<SetupChecklist.Entry> entries, boolean english) {
        List<Item> items = entries.stream()
                .map(e -> new Item(e.item(), e.item().title(english), e.item().requirement(english), e.done(),
                        e.note(), e.updatedBy(), e.updatedAt()))
                .toList();
        return new ChecklistView(branch, progress, items);
    }
}
