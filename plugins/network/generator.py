"""The base of every generator that writes pages from the network model."""

from __future__ import annotations

from pelican.generators import Generator

from .stats import timed


class NetworkGenerator(Generator):
    """Writes its pages once the model is complete; its time is one stage of the build."""

    #: The stage's name in `tools/build.py --timings` and the benchmark.
    stage = "writing"
    #: Written by the helper process, beside Pelican's own pages (see network.split).
    in_second_process = False
    #: Written by whichever process has less to do (see network.split.start).
    in_either_process = False
    #: Set on the main process's copy when the helper writes this generator's pages.
    delegated = False

    def generate_output(self, writer):
        if self.delegated:
            return
        network = self.context.get("network")
        if network is None:
            return
        with timed(self.stage):
            self.write(network, writer)

    def write(self, network, writer) -> None:
        raise NotImplementedError

    def write_page(self, writer, save_as: str, template: str, **values) -> None:
        """Render one of the theme's templates to ``save_as`` (a path ending in index.html)."""
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"],
                          url=save_as[: -len("index.html")], **values)


def contents_with_documents(generators):
    """Every published content object written in our format (it has a document), of every
    generator: articles, pages, their translations, hidden ones; never drafts."""
    for generator in generators:
        for group in ("articles", "translations", "pages", "hidden_articles", "hidden_pages"):
            for content in getattr(generator, group, []) or []:
                if getattr(content, "doc", None) is not None:
                    yield content
