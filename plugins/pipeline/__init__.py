"""pipeline: the order of a build, in one place.

Pelican reads the content; then ``order.prepare_site`` runs every step of ours top to bottom
(model → withhold → link → minutes → newsletter notes → report → start writing), and Pelican
writes, our pages described by each plugin's generator and written by the speed plugin. The only
Pelican signals used for the build are the three it needs: when reading starts, when everything
is read, and when everything is written. See docs/architecture.md.
"""

from pelican import signals

from .order import finish_site, prepare_site, start_pages, start_site


def register():
    signals.article_generator_init.connect(start_site)
    signals.page_generator_init.connect(start_pages)
    signals.all_generators_finalized.connect(prepare_site)
    signals.finalized.connect(finish_site)
