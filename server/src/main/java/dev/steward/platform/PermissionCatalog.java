package dev.steward.platform;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Every permission the features declare: which ones a role has, for listing. Checking one
 * permission needs no catalog ({@link Role#allows}); listing them all does.
 */
@Component
public class PermissionCatalog {

    private final List<Permission> all;

    PermissionCatalog(List<FeaturePermissions> features) {
        Map<String, Permission> byName = new HashMap<>();
        for (FeaturePermissions feature : features) {
            for (Permission p : feature.permissions()) {
                Permission before = byName.putIfAbsent(p.name(), p);
                if (before != null && !before.equals(p)) {
                    throw new IllegalStateException("two features declare the permission " + p.name());
                }
            }
        }
        this.all = byName.values().stream().sorted(Comparator.comparing(Permission::name)).toList();
    }

    public List<Permission> all() {
        return all;
    }

    /** The names of the role's permissions, sorted. */
    public SortedSet<String> namesOf(Role role) {
        SortedSet<String> names = new TreeSet<>();
        all.stream().filter(p -> p.isGrantedTo(role)).forEach(p -> names.add(p.name()));
        return names;
    }
}
