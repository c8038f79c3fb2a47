"""The outputs of one cell as they arrive from the kernel, merged the way Jupyter front ends show them."""

MAX_OUTPUT_CHARS = 2_000_000  # per cell; a print loop must not fill the grader's memory


class CellOutputs:
    """Outputs of one execution (appended to `outputs`, the caller's list), the characters still
    allowed for it, and whether the kernel has said it is idle (no more outputs will come)."""

    def __init__(self, outputs=None, budget=MAX_OUTPUT_CHARS):
        self.outputs = [] if outputs is None else outputs
        self.budget = budget
        self.idle = False

    def add(self, msg):
        """Add one iopub message; past the budget, text and data are dropped."""
        kind, content, outputs = msg["msg_type"], msg["content"], self.outputs
        if kind in ("stream", "display_data", "execute_result"):
            self.budget -= len(content.get("text", "")) + len(str(content.get("data", "")))
            if self.budget < 0:
                return
        if kind == "stream":
            if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == content["name"]:
                outputs[-1]["text"] += content["text"]
            else:
                outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
        elif kind in ("display_data", "execute_result"):
            out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
            if kind == "execute_result":
                out["execution_count"] = content.get("execution_count")
            outputs.append(out)
        elif kind == "error":
            outputs.append({"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                            "traceback": content["traceback"]})
        elif kind == "clear_output":
            outputs.clear()
