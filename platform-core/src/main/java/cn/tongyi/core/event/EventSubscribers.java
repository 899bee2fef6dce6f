package cn.tongyi.core.event;

import cn.tongyi.tenant.registry.BranchCode;
import java.util.List;

/** Who receives an event of a type raised in a branch: the plugin host answers with the plugins enabled there. */
public interface EventSubscribers {

    /** The ids of the subscribers that take events of this type in this branch. */
    List<String> of(BranchCode branch, String type);
}
