import { z } from "zod";

// Only the parts of XGBoost's saved JSON (schema: doc/model.schema in the XGBoost repo) that we
// evaluate. 1.x writes numeric params as strings ("5E-1"); 2.x writes base_score as "[5E-1]".
const numericParam = z.union([z.string(), z.number()]);

export const headerSchema = z.object({
  learner: z.object({
    feature_names: z.array(z.string()).optional(),
    feature_types: z.array(z.string()).optional(),
    learner_model_param: z.object({
      base_score: numericParam,
      num_feature: numericParam,
      num_class: numericParam.optional(),
      num_target: numericParam.optional(),
    }),
    objective: z.object({ name: z.string() }),
    gradient_booster: z.object({ name: z.string() }),
  }),
});

export const treeSchema = z.object({
  split_indices: z.array(z.number().int().nonnegative()),
  // null stands for a NaN token (categorical nodes); see read-model-json.ts.
  split_conditions: z.array(z.number().nullable()),
  left_children: z.array(z.number().int()),
  right_children: z.array(z.number().int()),
  default_left: z.array(z.union([z.number(), z.boolean()])),
  sum_hessian: z.array(z.number()),
  split_type: z.array(z.number()).optional(),
  categories_nodes: z.array(z.number()).optional(),
});

export const gbtreeSchema = z.object({
  model: z.object({
    trees: z.array(treeSchema),
    tree_info: z.array(z.number().int()).optional(),
  }),
});

export type ModelHeader = z.infer<typeof headerSchema>;
export type TreeJson = z.infer<typeof treeSchema>;
