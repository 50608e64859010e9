package dev.roast.mir.lower;

import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.mir.MirFunction;
import dev.roast.mir.MirModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/** HIR → MIR for a whole module: the top-level code and every function. */
public final class HirLowering {
    private HirLowering() {}

    public static MirModule lower(HModule module) {
        Map<ClassInfo.Method, FunctionInfo> methodBodies = new HashMap<>();
        for (FunctionInfo f : module.functions()) if (f.method() != null) methodBodies.put(f.method(), f);
        MirFunction main = new FunctionLowering(module.main(), methodBodies).lower();
        var functions = new ArrayList<MirFunction>();
        for (FunctionInfo f : module.functions()) {
            MirFunction fn = new FunctionLowering(f, methodBodies).lower();
            BoundChecks.insert(fn);
            functions.add(fn);
        }
        return new MirModule(module, main, functions);
    }
}
